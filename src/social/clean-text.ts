/**
 * Characters that must never reach a post: C0/C1 controls (newline and tab are turned into
 * spaces below), the non-characters X rejects (U+FFFE, U+FFFF) and the byte-order mark
 * (U+FEFF), and bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): one
 * unterminated override in a title would display the rest of the post, link included,
 * reversed. Arabic and Hebrew need none of them; the bidi algorithm orders them by itself.
 */
const forbidden =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\ufffe\uffff\u202a-\u202e\u2066-\u2069]/g;

/** A surrogate half without its partner: not text, and platforms reject or mangle it. */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * One line of clean text from untrusted episode data: NFC (so "é" typed as e + accent counts
 * once everywhere), no invisible troublemakers, whitespace runs collapsed to one space.
 */
export function cleanText(text: string | null | undefined): string {
  if (!text) return '';
  return text
    .replace(loneSurrogate, '')
    .normalize('NFC')
    .replace(forbidden, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}
