import type { Cue } from './cue.js';
import { looksLikeTiming, parseTimingLine } from './cue-timing.js';
import type { ParsedCues } from './parsed-cues.js';
import { toPlainLabel, toPlainText } from './plain-text.js';
import { ProblemList } from './problem-list.js';
import { clip, splitBlocks } from './source-text.js';
import { TranscriptParseError } from './transcript-errors.js';

/**
 * WebVTT (https://www.w3.org/TR/webvtt1/), written by hand rather than with node-webvtt: that
 * library reports errors as "cue #12" (a block count, not a line), splits only on exactly "\n\n"
 * (a line holding a space merges two cues), rejects STYLE and REGION blocks, drops cues with empty
 * text (our placeholders) and accepts "00:00:01.000garbage" as a time. subsrt-ts skips any block it
 * cannot read without a word. The format is small enough to read carefully here.
 */
export function parseVtt(text: string): ParsedCues {
  const lines = text.split('\n');
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0])) {
    throw new TranscriptParseError(
      'missing_header',
      'a WebVTT file must start with the line WEBVTT; is this an SRT or plain-text file?',
      1,
    );
  }
  const warnings = new ProblemList();
  const cues: Cue[] = [];
  const cueLines: number[] = [];
  const [header, ...blocks] = splitBlocks(lines);
  // Header metadata ("Kind: captions") may follow WEBVTT directly; a timing there means no empty line.
  const headerTiming = header.lines.findIndex(looksLikeTiming);
  if (headerTiming !== -1) {
    throw new TranscriptParseError(
      'missing_blank_line',
      'leave an empty line between WEBVTT and the first cue',
      header.line + headerTiming,
    );
  }

  for (const block of blocks) {
    const first = block.lines[0];
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first) && !first.includes('-->')) continue;
    // An optional cue identifier may come before the timing line.
    const timingAt = first.includes('-->') ? 0 : block.lines[1]?.includes('-->') ? 1 : -1;
    if (timingAt === -1) {
      throw new TranscriptParseError(
        'missing_timing',
        `expected a cue timing like 00:00:01.000 --> 00:00:04.000 but found "${clip(first)}"`,
        block.line + (block.lines.length > 1 ? 1 : 0),
      );
    }
    const timingLine = block.line + timingAt;
    const { start, end } = parseTimingLine(block.lines[timingAt], timingLine);
    const payload = block.lines.slice(timingAt + 1);
    const stray = payload.findIndex(looksLikeTiming);
    if (stray !== -1) {
      throw new TranscriptParseError(
        'missing_blank_line',
        'this looks like the timing of a new cue; leave an empty line before it',
        timingLine + 1 + stray,
      );
    }
    const { speaker, markup } = readVoices(payload.join('\n'), timingLine, warnings);
    const cue: Cue = { startSeconds: start, endSeconds: end, text: toPlainText(markup) };
    if (speaker) cue.speaker = speaker;
    cues.push(cue);
    cueLines.push(timingLine);
  }
  return { cues, cueLines, warnings: warnings.toArray() };
}

// `<v Jan>`, `<v.loud Jan de Vries>`; the annotation runs to the closing `>`.
// Stops at the next `<` too, so a cue of ten thousand unclosed `<v ` stays linear.
const VOICE = /<v(?:\.[^\s<>]*)?[ \t]+([^<>]*)>/g;

/**
 * The first voice of a cue becomes its speaker. A second, different voice in the same cue cannot be
 * a second speaker of one cue, so its name is kept in the text ("Piet: …") rather than lost.
 */
function readVoices(
  payload: string,
  line: number,
  warnings: ProblemList,
): { speaker?: string; markup: string } {
  if (!payload.includes('<v')) return { markup: payload };
  let speaker: string | undefined;
  const markup = payload.replace(VOICE, (_tag, annotation: string) => {
    const name = toPlainLabel(annotation);
    if (!name) return '';
    if (speaker === undefined) {
      speaker = name;
      return '';
    }
    if (name === speaker) return '';
    warnings.add({
      code: 'multiple_voices',
      severity: 'warning',
      message: `this cue has more than one speaker; "${clip(name)}" is kept in the text`,
      line,
      params: { speaker: name },
    });
    return `\n${name}: `;
  });
  return { speaker, markup };
}
