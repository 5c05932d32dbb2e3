import type { Cue } from './cue.js';
import { isObject, missingVersion, parseJson, readSeconds } from './json-values.js';
import type { ParsedCues } from './parsed-cues.js';
import { toPlainLabel, toPlainText } from './plain-text.js';
import { ProblemList } from './problem-list.js';
import { TranscriptParseError } from './transcript-errors.js';

/**
 * Podcasting 2.0 transcript JSON: `{ version, segments: [{ speaker?, startTime, endTime?, body }] }`
 * (podcast-namespace docs/examples/transcripts/transcripts.md). endTime is optional there ("if
 * available"); a missing one ends where the next segment starts. JSON carries no line numbers after
 * parsing, so structural problems name the segment instead.
 */
export function parseTranscriptJson(text: string): ParsedCues {
  const data = parseJson(text);
  const warnings = new ProblemList();
  if (!isObject(data) || !Array.isArray(data.segments)) {
    throw new TranscriptParseError(
      'bad_structure',
      'expected a Podcasting 2.0 transcript: an object like {"version": "1.0.0", "segments": [...]}',
    );
  }
  if (typeof data.version !== 'string') warnings.add(missingVersion('1.0.0'));

  const segments: unknown[] = data.segments;
  const cues: Cue[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const n = i + 1;
    if (!isObject(segment)) throw badSegment(n, 'is not an object');
    const start = readSeconds(segment.startTime);
    if (start === undefined) throw badSegment(n, 'needs a startTime in seconds, a number of 0 or more');
    let end = readSeconds(segment.endTime);
    if (segment.endTime !== undefined && end === undefined) {
      throw badSegment(n, 'has an endTime that is not a number of seconds of 0 or more');
    }
    if (end === undefined) {
      const next = isObject(segments[i + 1])
        ? readSeconds((segments[i + 1] as Record<string, unknown>).startTime)
        : undefined;
      end = next !== undefined && next > start ? next : start;
    }
    if (segment.body !== undefined && typeof segment.body !== 'string')
      throw badSegment(n, 'has a body that is not text');
    if (segment.speaker !== undefined && segment.speaker !== null && typeof segment.speaker !== 'string') {
      throw badSegment(n, 'has a speaker that is not text');
    }
    const cue: Cue = { startSeconds: start, endSeconds: end, text: toPlainText(segment.body ?? '') };
    const speaker = typeof segment.speaker === 'string' ? toPlainLabel(segment.speaker) : '';
    if (speaker) cue.speaker = speaker;
    cues.push(cue);
  }
  // No line numbers survive JSON.parse.
  return { cues, cueLines: cues.map(() => undefined), warnings: warnings.toArray() };
}

function badSegment(n: number, what: string): TranscriptParseError {
  return new TranscriptParseError('bad_segment', `segment ${n} ${what}`, null, { segment: n });
}
