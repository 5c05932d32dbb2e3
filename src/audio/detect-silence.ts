import { runFfmpeg } from './ffmpeg-runner.js';
import type { MediaTools } from './resolve-media-tools.js';

export interface Silence {
  /** Seconds from the start of the file. */
  start: number;
  end: number;
}

export interface DetectSilenceOptions {
  /** Anything quieter than this counts as silence (dBFS). Default -40. */
  noiseDb?: number;
  /** Shortest stretch reported (seconds). Default 0.5. */
  minSeconds?: number;
  signal?: AbortSignal;
}

/**
 * Lists the silent stretches of the first audio stream with ffmpeg's silencedetect (a stretch
 * counts when every channel is below `noiseDb`).
 *
 * @example
 * const silences = await detectSilence(tools, 'episode.mp3');
 * const { leadingSeconds, trailingSeconds } = edgeSilence(silences, 1804.2);
 */
export async function detectSilence(
  tools: MediaTools,
  file: string,
  options: DetectSilenceOptions = {},
): Promise<Silence[]> {
  const parser = silenceParser();
  const result = await runFfmpeg(tools, {
    inputs: [{ path: file }],
    outputs: [{ target: '-', options: ['-map', '0:a:0', '-af', silenceFilter(options), '-f', 'null'] }],
    onStderrLine: parser.add,
    signal: options.signal,
  });
  return parser.finish(result.outTimeSeconds);
}

/** The silencedetect filter for these options; shared with the one-pass quality report. */
export function silenceFilter(options: { noiseDb?: number; minSeconds?: number } = {}): string {
  return `silencedetect=noise=${options.noiseDb ?? -40}dB:duration=${options.minSeconds ?? 0.5}`;
}

/** Collects silencedetect's log lines into stretches. */
export function silenceParser() {
  const silences: Silence[] = [];
  let openStart: number | null = null;
  return {
    add(line: string) {
      const start = /silence_start: (-?[\d.]+)/.exec(line);
      if (start) {
        openStart = Math.max(0, Number(start[1]));
        return;
      }
      const end = /silence_end: ([\d.]+)/.exec(line);
      if (end && openStart !== null) {
        silences.push({ start: openStart, end: Number(end[1]) });
        openStart = null;
      }
    },
    /** `endSeconds` closes a silence still open at the end (ffmpeg before 5.0 does not report it). */
    finish(endSeconds: number): Silence[] {
      if (openStart !== null && endSeconds > openStart) silences.push({ start: openStart, end: endSeconds });
      openStart = null;
      return silences;
    },
  };
}

/**
 * Silence at the very start and end of a recording, in seconds: what staff may want to trim.
 * `toleranceSeconds` absorbs encoder padding at both edges.
 */
export function edgeSilence(
  silences: Silence[],
  durationSeconds: number,
  toleranceSeconds = 0.1,
): { leadingSeconds: number; trailingSeconds: number } {
  const leading = silences.find((s) => s.start <= toleranceSeconds);
  const trailing = silences.find((s) => s.end >= durationSeconds - toleranceSeconds);
  return {
    leadingSeconds: leading ? round(leading.end - leading.start) : 0,
    trailingSeconds: trailing ? round(Math.min(trailing.end, durationSeconds) - trailing.start) : 0,
  };
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
