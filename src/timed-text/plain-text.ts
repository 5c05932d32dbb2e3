import sanitizeHtml from 'sanitize-html';

/**
 * Turns cue markup (WebVTT spans, SRT `<i>`/`<font>`, HTML someone pasted in) into plain text.
 * Nothing here makes text safe to print as HTML: every serializer escapes on the way out, so the
 * text may hold a literal `<`.
 *
 * Two paths. sanitize-html handles anything unusual, because an HTML tokenizer is what gets
 * `<script>` contents, comments, unclosed tags and the 2 000 named entities right. But it costs about
 * 40 µs a call, so a 10 MB file with `<i>` in each of 200 000 cues would hold the process for eight
 * seconds; the caption formatting tags that fill such files (`<i>`, `<b>`, `<c.x>`, `<font color=…>`)
 * with the handful of entities captions use are removed by a strict pattern instead, and any cue
 * with something else in it still goes to the library.
 */
export function toPlainText(markup: string): string {
  let text = markup.replace(ASS_OVERRIDE, '');
  if (text.includes('<') || text.includes('&')) {
    text = text.replace(LINE_BREAK_TAG, '\n').replace(VTT_TIMESTAMP_TAG, '');
    text = stripSimpleMarkup(text) ?? unescapeBasic(sanitizeHtml(text, STRIP_ALL));
  }
  return normalizeLines(text);
}

/** A name or title: plain text on one line. */
export function toPlainLabel(markup: string): string {
  return toPlainText(markup).replace(/\n/g, ' ');
}

/**
 * The one text shape cues keep: no control characters, lines trimmed with single spaces, no empty
 * lines. Every serializer can write it as is (an empty line would end a WebVTT cue), so parsing what
 * we wrote gives back exactly what we had.
 */
export function normalizeLines(text: string): string {
  // Most cues are one clean line already; the full pass is the costliest step of a big file.
  if (!NEEDS_NORMALIZING.test(text)) return text;
  return text
    .replace(CONTROL, '')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

const STRIP_ALL: sanitizeHtml.IOptions = {
  allowedTags: [],
  allowedAttributes: {},
  // Contents of these are code or form values, never speech.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'title'],
};

// WebVTT karaoke timestamps `<00:00:01.000>` are not HTML; the tokenizer would keep them as text.
const VTT_TIMESTAMP_TAG = /<\d[\d:.]*>/g;
// SSA/ASS override blocks that SRT files exported from subtitle editors carry: `{\an8}`, `{\i1}`.
// Patterns here stop at the next opening bracket, so a hostile cue cannot make them scan quadratically.
const ASS_OVERRIDE = /\{\\[^{}]*\}/g;
const LINE_BREAK_TAG = /<br\s*\/?>/gi;
// C0 controls other than tab and newline, and DEL: invisible, and they break XML and HTML consumers.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
const NEEDS_NORMALIZING = /[\u0000-\u001f\u007f\u00a0]|\s{2}|^\s|\s$/;

// An opening or closing tag with WebVTT classes and well-formed attributes, nothing that could hide a `>`.
const SIMPLE_TAG =
  /<\/?([A-Za-z][A-Za-z0-9]*)(?:\.[\w.-]+)?(?:\s+[\w-]+(?:="[^"<>]*"|='[^'<>]*'|=[^\s"'<>=`]+)?)*\s*\/?>/g;
const FORMATTING_TAGS = new Set(
  'b i u s c v em strong span font lang ruby rt sub sup small mark q'.split(' '),
);
const SIMPLE_ENTITY = /&(?:(amp|lt|gt|quot|apos|nbsp|lrm|rlm)|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));/g;
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  lrm: '\u200e',
  rlm: '\u200f',
};

/** Plain text for markup made only of formatting tags and common entities; undefined for anything else. */
function stripSimpleMarkup(text: string): string | undefined {
  let simple = true;
  const untagged = text.replace(SIMPLE_TAG, (_tag, name: string) => {
    if (!FORMATTING_TAGS.has(name.toLowerCase())) simple = false;
    return '';
  });
  if (!simple || untagged.includes('<')) return undefined;
  const decoded = untagged.replace(SIMPLE_ENTITY, (entity, name?: string, dec?: string, hex?: string) => {
    if (name) return NAMED[name];
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex!, 16);
    // NUL, surrogates and out-of-range values have special HTML rules: leave them to the library.
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) simple = false;
    return simple ? String.fromCodePoint(code) : entity;
  });
  // Any other `&name` might be one of HTML's many named entities, some valid without a semicolon.
  if (!simple || /&[A-Za-z#]/.test(untagged.replace(SIMPLE_ENTITY, ''))) return undefined;
  return decoded;
}

/**
 * sanitize-html decodes every entity and then escapes exactly `&`, `<` and `>` in the text it
 * returns; undoing those three gives the decoded plain text.
 */
function unescapeBasic(escaped: string): string {
  return escaped.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
