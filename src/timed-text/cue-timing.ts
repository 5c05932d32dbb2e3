import { parseClock } from './timestamps.js';
import { TranscriptParseError } from './transcript-errors.js';

/**
 * Reads a cue timing line, `start --> end` followed by optional WebVTT settings or SRT coordinates,
 * and throws with the line number and what is wrong with it. Shared by WebVTT and SRT, which differ
 * only in the fraction separator, and parseClock accepts both.
 */
export function parseTimingLine(raw: string, line: number): { start: number; end: number } {
  const arrow = raw.indexOf('-->');
  const left = raw.slice(0, arrow).trim();
  const right = raw
    .slice(arrow + 3)
    .trim()
    .split(/[ \t]+/)[0];
  if (left === '' || right === '') {
    throw new TranscriptParseError(
      'bad_timestamp',
      'a cue timing needs a start and an end, like 00:00:01.000 --> 00:00:04.000',
      line,
    );
  }
  const start = parseClock(left);
  if (!start.ok) throw new TranscriptParseError('bad_timestamp', `start time: ${start.why}`, line);
  const end = parseClock(right);
  if (!end.ok) throw new TranscriptParseError('bad_timestamp', `end time: ${end.why}`, line);
  return { start: start.seconds, end: end.seconds };
}

/**
 * A timing line inside cue text means the empty line before the next cue is missing. Only a line
 * that starts with a time counts: an HTML comment's "-->" in text is not a timing.
 */
export function looksLikeTiming(line: string): boolean {
  return /^\s*\d[\d:.,]*\s*-->/.test(line);
}
