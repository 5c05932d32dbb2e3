import type { Cue } from './cue.js';

/** Longer cues are hard to fill in and to read along with; the issue asks for about 30 s at most. */
export const MAX_PLACEHOLDER_CUE_SECONDS = 30;

export interface SpeechSegment {
  start: number;
  end: number;
}

/**
 * The skeleton transcript made at ingest: cues with empty text whose timings follow the speech found
 * between silences, so whoever types the text has the timings ready. Segments are clipped to the
 * audio, sorted and merged where they touch; a segment longer than 30 s is cut into equal parts
 * (equal rather than 30 + remainder, so no cue is a two-second stub). Work is in whole milliseconds
 * so no rounding can push a cue past 30 s. No speech, no cues: the caller decides what no silence
 * at all means (the ingest code already turns it into one segment spanning the audio).
 */
export function placeholderCues(
  speechSegments: readonly SpeechSegment[],
  durationSeconds: number,
  maxCueSeconds = MAX_PLACEHOLDER_CUE_SECONDS,
): Cue[] {
  // Rounded down: a cue may end a fraction of a millisecond early, never after the audio.
  const durationMs = Number.isFinite(durationSeconds) ? Math.max(0, Math.floor(durationSeconds * 1000)) : 0;
  const maxMs = Math.max(1, Math.floor(maxCueSeconds * 1000));
  const cues: Cue[] = [];
  for (const [startMs, endMs] of mergeSegments(speechSegments, durationMs)) {
    const lengthMs = endMs - startMs;
    const parts = Math.ceil(lengthMs / maxMs);
    for (let i = 0; i < parts; i++) {
      const from = startMs + Math.floor((lengthMs * i) / parts);
      const to = startMs + Math.floor((lengthMs * (i + 1)) / parts);
      cues.push({ startSeconds: from / 1000, endSeconds: to / 1000, text: '' });
    }
  }
  return cues;
}

/** Clipped to [0, duration], in ms, sorted, overlapping or touching segments joined, empty ones gone. */
function mergeSegments(segments: readonly SpeechSegment[], durationMs: number): [number, number][] {
  const clipped = segments
    .filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end))
    .map((s): [number, number] => [
      Math.min(durationMs, Math.max(0, Math.round(s.start * 1000))),
      Math.min(durationMs, Math.max(0, Math.round(s.end * 1000))),
    ])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const segment of clipped) {
    const last = merged.at(-1);
    if (last && segment[0] <= last[1]) last[1] = Math.max(last[1], segment[1]);
    else merged.push([...segment]);
  }
  return merged;
}
