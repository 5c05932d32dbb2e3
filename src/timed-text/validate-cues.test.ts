import { describe, expect, it } from 'vitest';
import type { Cue } from './cue.js';
import { parseTranscript } from './parse-transcript.js';
import { validateCues } from './validate-cues.js';

const cue = (startSeconds: number, endSeconds: number): Cue => ({ startSeconds, endSeconds, text: 'x' });

describe('validateCues', () => {
  it('finds nothing wrong with cues in order inside the audio', () => {
    expect(validateCues([cue(0, 2), cue(2, 4), cue(4, 60.3)], 60)).toEqual([]);
  });

  it('reports ends before starts, cues past the end, disorder (errors) and overlap (warning)', () => {
    const problems = validateCues([cue(0, 5), cue(4, 6), cue(3, 2), cue(7, 8), cue(59, 61)], 60);
    expect(problems.map((p) => [p.code, p.severity, p.index])).toEqual([
      ['cue_overlap', 'warning', 1],
      ['cue_end_before_start', 'error', 2],
      ['cue_out_of_order', 'error', 2],
      ['cue_beyond_duration', 'error', 4],
    ]);
    expect(problems[3].message).toContain('00:01:00.000');
  });

  it('sees an overlap with a long earlier cue, not only the one before', () => {
    expect(validateCues([cue(0, 30), cue(5, 6), cue(10, 11)], 60).map((p) => p.index)).toEqual([1, 2]);
  });

  it('names source lines when given them by parseTranscript', () => {
    const body = 'WEBVTT\n\n00:00:00.000 --> 00:00:05.000\nEen\n\n00:00:04.000 --> 00:00:09.000\nTwee\n';
    const { cues, cueLines } = parseTranscript(body, 'vtt');
    expect(validateCues(cues, 8, { cueLines })).toMatchObject([
      { code: 'cue_beyond_duration', line: 6 },
      { code: 'cue_overlap', line: 6 },
    ]);
  });

  it('skips duration checks when the duration is unknown, and everything for untimed text', () => {
    expect(validateCues([cue(0, 5000)], Number.NaN)).toEqual([]);
    expect(validateCues([cue(0, 0), cue(0, 0)], 10)).toEqual([]);
  });

  it('keeps the list short for a file that is wrong everywhere', () => {
    const shifted = Array.from({ length: 10_000 }, (_, i) => cue(100 + i, 101 + i));
    const problems = validateCues(shifted, 60);
    expect(problems.length).toBeLessThan(30);
    expect(problems.at(-1)).toMatchObject({
      code: 'more_problems',
      severity: 'error',
      params: { count: 9980 },
    });
  });
});
