import { describe, expect, it } from 'vitest';
import { parseTranscript } from './parse-transcript.js';
import { placeholderCues } from './placeholder-transcript.js';
import { toPodcastJson, toVtt } from './serialize-transcript.js';
import { validateCues } from './validate-cues.js';

describe('placeholderCues', () => {
  it('follows speech segments with empty cues, splitting long ones evenly', () => {
    expect(
      placeholderCues(
        [
          { start: 1, end: 11 },
          { start: 12, end: 82 },
        ],
        90,
      ),
    ).toEqual([
      { startSeconds: 1, endSeconds: 11, text: '' },
      { startSeconds: 12, endSeconds: 35.333, text: '' },
      { startSeconds: 35.333, endSeconds: 58.666, text: '' },
      { startSeconds: 58.666, endSeconds: 82, text: '' },
    ]);
  });

  it('clips to the audio, sorts, merges overlaps and drops empty segments', () => {
    const cues = placeholderCues(
      [
        { start: 50, end: 70 },
        { start: -2, end: 3 },
        { start: 2, end: 4 },
        { start: 5, end: 5 },
        { start: Number.NaN, end: 9 },
      ],
      60,
    );
    expect(cues).toEqual([
      { startSeconds: 0, endSeconds: 4, text: '' },
      { startSeconds: 50, endSeconds: 60, text: '' },
    ]);
    expect(placeholderCues([], 60)).toEqual([]);
  });

  it('never makes a cue over 30 s and covers exactly the speech, for random recordings', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let run = 0; run < 200; run++) {
      const duration = 10 + random() * 7200;
      const segments: { start: number; end: number }[] = [];
      for (let t = random() * 5; t < duration; ) {
        const end = t + random() * 200;
        segments.push({ start: t, end });
        t = end + 0.3 + random() * 3;
      }
      const cues = placeholderCues(segments, duration);
      expect(validateCues(cues, duration, { toleranceSeconds: 0 })).toEqual([]);
      let covered = 0;
      for (const [i, c] of cues.entries()) {
        const length = c.endSeconds - c.startSeconds;
        expect(length).toBeGreaterThan(0);
        expect(length).toBeLessThanOrEqual(30);
        if (i > 0) expect(c.startSeconds).toBeGreaterThanOrEqual(cues[i - 1].endSeconds);
        covered += length;
      }
      const speech = segments.reduce((sum, s) => sum + Math.max(0, Math.min(s.end, duration) - s.start), 0);
      expect(Math.abs(covered - speech)).toBeLessThan(0.001 * (segments.length + 1));
      for (const s of segments.filter((x) => x.start < duration)) {
        const mid = (s.start + Math.min(s.end, duration)) / 2;
        expect(cues.some((c) => c.startSeconds <= mid && mid <= c.endSeconds)).toBe(true);
      }
    }
  });

  it('survives being stored as WebVTT and as JSON', () => {
    const cues = placeholderCues([{ start: 0.4, end: 95.7 }], 100);
    expect(parseTranscript(toVtt(cues), 'vtt').cues).toEqual(cues);
    expect(parseTranscript(JSON.stringify(toPodcastJson(cues)), 'json').cues).toEqual(cues);
  });
});
