import type { LoudnessMeasurement } from '../../src/audio/loudness-measurement.js';

export type { LoudnessMeasurement };

/**
 * Test oracle: reads ffmpeg's own loudness report, so the tests can check zender's PCM meter
 * against ffmpeg's ebur128/loudnorm figures. Production does not use it.
 *
 * Reads the figures from ffmpeg's log: the `Summary:` block of the ebur128 filter, or the JSON block
 * of `loudnorm=print_format=json`. Returns null when neither is there (the run failed early).
 */
export function parseLoudnessLog(lines: string[]): LoudnessMeasurement | null {
  return parseLoudnormJson(lines) ?? parseEbur128Summary(lines);
}

/** Keeps only the filters' closing report, so a long run's log does not pile up in memory. */
export function collectLoudnessReport() {
  const lines: string[] = [];
  let collecting = false;
  return {
    lines,
    add(line: string) {
      if (/\[Parsed_(ebur128|loudnorm)_\d+ @/.test(line)) {
        collecting = true;
        lines.length = 0;
      }
      if (collecting && lines.length < 200) lines.push(line);
    },
  };
}

function parseLoudnormJson(lines: string[]): LoudnessMeasurement | null {
  const end = lastIndex(lines, (l) => l.trim() === '}');
  if (end < 0) return null;
  let start = end;
  while (start >= 0 && lines[start].trim() !== '{') start--;
  if (start < 0) return null;
  let json: Record<string, string>;
  try {
    json = JSON.parse(lines.slice(start, end + 1).join('\n')) as Record<string, string>;
  } catch {
    return null;
  }
  if (!('input_i' in json)) return null;
  return {
    integratedLufs: level(json.input_i, -70),
    truePeakDbtp: level(json.input_tp, -99),
    lra: level(json.input_lra, 0),
    thresholdLufs: level(json.input_thresh, -70),
    targetOffset: level(json.target_offset, -99, 0),
  };
}

function parseEbur128Summary(lines: string[]): LoudnessMeasurement | null {
  const start = lastIndex(lines, (l) => /\] Summary:\s*$/.test(l));
  if (start < 0) return null;
  const block = lines.slice(start + 1);
  // The summary repeats "Threshold:" for the integrated and the LRA gate; the first one is ours.
  const value = (label: string) => {
    const line = block.find((l) => l.trim().startsWith(`${label}:`));
    return line
      ? line
          .trim()
          .slice(label.length + 1)
          .trim()
          .split(/\s+/)[0]
      : undefined;
  };
  const integrated = value('I');
  if (integrated === undefined) return null;
  return {
    integratedLufs: level(integrated, -70),
    truePeakDbtp: level(value('Peak'), -99),
    lra: level(value('LRA'), 0),
    thresholdLufs: level(value('Threshold'), -70),
    targetOffset: 0,
  };
}

// ffmpeg prints "-inf" for silence; JSON (where these figures end up) has no infinities.
function level(text: string | undefined, floor: number, fallback = floor): number {
  const n = Number.parseFloat(text ?? '');
  return Number.isFinite(n) ? Math.max(n, floor) : fallback;
}

// Array#findLastIndex is ES2023; the project targets ES2022.
function lastIndex(lines: string[], predicate: (line: string) => boolean): number {
  for (let i = lines.length - 1; i >= 0; i--) if (predicate(lines[i])) return i;
  return -1;
}
