import { runFfmpeg } from '../../src/audio/ffmpeg-runner.js';
import { probeAudio } from '../../src/audio/probe-audio.js';
import type { MediaTools } from '../../src/audio/resolve-media-tools.js';
import { collectLoudnessReport, type LoudnessMeasurement, parseLoudnessLog } from './parse-loudness-log.js';

export type { LoudnessMeasurement } from './parse-loudness-log.js';

export interface MeasureLoudnessOptions {
  /**
   * `ebur128` (default) runs ffmpeg's EBU R128 meter with true-peak detection; `loudnorm` runs
   * loudnorm's first pass. Same meter underneath and the same figures (to 0.1 LU), but loudnorm
   * resamples everything to 192 kHz first: on a 30-minute recording it took 90 s against 15 s.
   * Only `loudnorm` yields a `targetOffset`.
   */
  method?: 'ebur128' | 'loudnorm';
  /** loudnorm only: the targets its `target_offset` is computed against. */
  targetLufs?: number;
  truePeakDbtp?: number;
  /** 0–100 while measuring. */
  onProgress?: (percent: number) => void;
  /** The real length, when known (validateRecording); otherwise probed for progress. */
  durationSeconds?: number;
  signal?: AbortSignal;
}

/**
 * Measures integrated loudness, true peak, loudness range and gate threshold (EBU R128) of the
 * first audio stream with ffmpeg's own meter. Processing meters with meterAudio (same figures,
 * a fraction of the time); this stays as the independent reference the tests hold meterAudio and
 * the delivered MP3s against, and for checking a file by hand.
 *
 * @example
 * const measured = await measureLoudness(tools, 'interview.wav', { onProgress: (p) => report(p) });
 * // { integratedLufs: -27.4, truePeakDbtp: -9.1, lra: 6.2, thresholdLufs: -37.6, targetOffset: 0 }
 */
export async function measureLoudness(
  tools: MediaTools,
  file: string,
  options: MeasureLoudnessOptions = {},
): Promise<LoudnessMeasurement> {
  const durationSeconds =
    options.durationSeconds ??
    (options.onProgress ? (await probeAudio(tools, file)).durationSeconds : undefined);
  const filter =
    options.method === 'loudnorm'
      ? `loudnorm=I=${options.targetLufs ?? -16}:TP=${options.truePeakDbtp ?? -1}:LRA=11:print_format=json`
      : // framelog=verbose: otherwise ebur128 logs ten lines per second of audio at info level.
        'ebur128=peak=true:framelog=verbose';
  const report = collectLoudnessReport();
  await runFfmpeg(tools, {
    inputs: [{ path: file }],
    outputs: [{ target: '-', options: ['-map', '0:a:0', '-af', filter, '-f', 'null'] }],
    durationSeconds,
    onProgress: options.onProgress,
    onStderrLine: report.add,
    signal: options.signal,
  });
  const measured = parseLoudnessLog(report.lines);
  if (!measured) throw new Error(`no loudness summary in ffmpeg output for ${file}`);
  return measured;
}
