import type { Cue } from './cue.js';
import { looksLikeTiming, parseTimingLine } from './cue-timing.js';
import type { ParsedCues } from './parsed-cues.js';
import { toPlainText } from './plain-text.js';
import { ProblemList } from './problem-list.js';
import { clip, splitBlocks } from './source-text.js';
import { splitSpeakerPrefix } from './speaker-prefix.js';
import { TranscriptParseError } from './transcript-errors.js';

/**
 * SubRip (.srt), written by hand: subsrt-ts, the maintained SRT library here, drops every block its
 * one regex does not match without saying so (a typo in a timestamp silently loses the cue) and
 * reads ",5" as 5 ms. Here a block is: an optional cue number, a timing line, then text. A text-only
 * block right after a cue is an empty line inside that cue's text, which many editors write; it is
 * joined to the cue with a warning rather than refused.
 */
export function parseSrt(text: string): ParsedCues {
  const warnings = new ProblemList();
  const raw: { start: number; end: number; markup: string }[] = [];
  const cueLines: number[] = [];

  for (const block of splitBlocks(text.split('\n'))) {
    const [first, second] = block.lines;
    const numbered = /^\s*\d+\s*$/.test(first);
    const timingAt = first.includes('-->') ? 0 : numbered && second?.includes('-->') ? 1 : -1;
    if (timingAt === -1) {
      if (numbered) {
        throw new TranscriptParseError(
          'missing_timing',
          `cue ${first.trim()} has no timing line; expected something like 00:00:01,000 --> 00:00:04,000`,
          block.line + (block.lines.length > 1 ? 1 : 0),
        );
      }
      const previous = raw.at(-1);
      if (!previous) {
        throw new TranscriptParseError(
          'missing_timing',
          `expected a cue number or a timing like 00:00:01,000 --> 00:00:04,000 but found "${clip(first)}"`,
          block.line,
        );
      }
      rejectStrayTiming(block.lines, block.line);
      previous.markup += `\n${block.lines.join('\n')}`;
      warnings.add({
        code: 'text_continued',
        severity: 'warning',
        message: 'an empty line inside a cue; the text after it was kept with that cue',
        line: block.line,
      });
      continue;
    }
    const timingLine = block.line + timingAt;
    const { start, end } = parseTimingLine(block.lines[timingAt], timingLine);
    const payload = block.lines.slice(timingAt + 1);
    rejectStrayTiming(payload, timingLine + 1);
    raw.push({ start, end, markup: payload.join('\n') });
    cueLines.push(timingLine);
  }

  // "Name: …" opens a speaker's turn; the cards after it are theirs until another name appears.
  let speaker: string | undefined;
  const cues = raw.map(({ start, end, markup }): Cue => {
    const split = splitSpeakerPrefix(toPlainText(markup));
    if (split.speaker) speaker = split.speaker;
    const cue: Cue = { startSeconds: start, endSeconds: end, text: split.text };
    if (speaker) cue.speaker = speaker;
    return cue;
  });
  return { cues, cueLines, warnings: warnings.toArray() };
}

/** A timing line inside text means the empty line before a cue is missing; merging would hide it. */
function rejectStrayTiming(lines: string[], firstLine: number): void {
  const stray = lines.findIndex(looksLikeTiming);
  if (stray !== -1) {
    throw new TranscriptParseError(
      'missing_blank_line',
      'this looks like the timing of a new cue; leave an empty line before it',
      firstLine + stray,
    );
  }
}
