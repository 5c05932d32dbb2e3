import { type AudiowaveformJson, audiowaveformJson, pcmOutputOptions, pcmSink } from './compute-peaks.js';
import { edgeSilence, type Silence, silenceFilter, silenceParser } from './detect-silence.js';
import { type FfmpegOutput, runFfmpeg } from './ffmpeg-runner.js';
import { collectLoudnessReport, type LoudnessMeasurement, parseLoudnessLog } from './parse-loudness-log.js';
import { PeaksAccumulator } from './peaks-accumulator.js';
import { probeAudio } from './probe-audio.js';
import type { MediaTools } from './resolve-media-tools.js';

export interface AudioQualityReport {
  /** What decoded, in seconds. */
  durationSeconds: number;
  loudness: LoudnessMeasurement;
  /** Highest sample (not true) peak over all channels, dBFS. */
  samplePeakDbfs: number;
  /**
   * `clipped`: samples sit flat at full scale (the recording was clipped before it reached us), or
   * the true peak is so far over 0 dBTP that playback will clip. Lossy files smooth flat tops away,
   * so for them only the second test can fire.
   */
  clipping: { clipped: boolean; flatFactor: number; peakCount: number };
  silences: Silence[];
  leadingSilenceSeconds: number;
  trailingSilenceSeconds: number;
  /** Present when asked for with `peaks`. */
  peaks?: AudiowaveformJson;
}

export interface QualityReportOptions {
  /** silencedetect settings (defaults -40 dB, 0.5 s). */
  noiseDb?: number;
  minSilenceSeconds?: number;
  /** Also compute waveform peaks in the same pass; `sampleRate` must be the rate after `filters`. */
  peaks?: { pixelsPerSecond?: number; samplesPerPixel?: number; sampleRate?: number };
  /**
   * Filters to run the audio through before measuring. encodeDelivery passes its own chain (gain,
   * limiter, channels), so the report describes the signal that goes into the MP3 encoder.
   */
  filters?: string[];
  durationSeconds?: number;
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
}

/**
 * Loudness, true peak, clipping, silences and (optionally) waveform peaks of one file, in two
 * ffmpeg runs side by side instead of one run per measurement: on the delivery file it replaces
 * measureLoudness, detectSilence and computePeaks (and their three decodes).
 *
 * @example
 * const report = await qualityReport(tools, 'delivery.mp3', { peaks: { pixelsPerSecond: 20 } });
 */
export async function qualityReport(
  tools: MediaTools,
  file: string,
  options: QualityReportOptions = {},
): Promise<AudioQualityReport> {
  const needsProbe =
    (options.peaks && !options.peaks.sampleRate) || (options.onProgress && !options.durationSeconds);
  const probe = needsProbe ? await probeAudio(tools, file) : undefined;
  const silence = silenceParser();
  const loudness = collectLoudnessReport();
  const stats: string[] = [];
  const durationSeconds = options.durationSeconds ?? probe?.durationSeconds;

  // aformat to s16 before astats: a float decode that goes past full scale then shows as flat tops.
  const analysis = [
    silenceFilter({ noiseDb: options.noiseDb, minSeconds: options.minSilenceSeconds }),
    'aformat=sample_fmts=s16',
    'astats',
  ].join(',');
  const outputs: FfmpegOutput[] = [{ target: '-', options: ['-map', '[analysis]', '-f', 'null'] }];
  let accumulator: PeaksAccumulator | undefined;
  let sampleRate = 0;
  const head = options.filters?.length ? `${options.filters.join(',')},` : '';
  let filterComplex = `[0:a:0]${head}${analysis}[analysis]`;
  if (options.peaks) {
    sampleRate = options.peaks.sampleRate ?? probe?.audio.sampleRate ?? 0;
    if (!sampleRate) throw new Error(`no sample rate known for ${file}`);
    accumulator = new PeaksAccumulator(
      options.peaks.samplesPerPixel ??
        Math.max(1, Math.round(sampleRate / (options.peaks.pixelsPerSecond ?? 20))),
    );
    filterComplex = `[0:a:0]${head}asplit=2[a][p];[a]${analysis}[analysis]`;
    outputs.push({ target: pcmSink(accumulator), options: pcmOutputOptions(sampleRate, '[p]') });
  }

  // Two processes side by side: the true-peak meter (4x oversampling) is the slow part and ffmpeg
  // 5.1 runs a filter graph on one core, so it gets a process of its own. On two cores the report
  // then takes as long as the meter alone; the price is decoding the file twice, the cheap part.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const progress = [0, 0];
  const onProgress = (pass: 0 | 1) => (percent: number) => {
    progress[pass] = percent;
    options.onProgress?.(Math.min(progress[0], progress[1]));
  };
  const passes = [
    runFfmpeg(tools, {
      inputs: [{ path: file }],
      outputs: [
        {
          target: '-',
          options: ['-map', '0:a:0', '-af', `${head}ebur128=peak=true:framelog=verbose`, '-f', 'null'],
        },
      ],
      durationSeconds,
      onProgress: options.onProgress && onProgress(0),
      onStderrLine: loudness.add,
      signal,
    }),
    runFfmpeg(tools, {
      inputs: [{ path: file }],
      filterComplex,
      outputs,
      durationSeconds,
      onProgress: options.onProgress && onProgress(1),
      onStderrLine: (line) => {
        silence.add(line);
        if (line.includes('Parsed_astats_')) stats.push(line);
      },
      signal,
    }),
  ];
  // When one pass fails, stop the other rather than leave it running.
  for (const pass of passes) pass.catch(() => stop.abort());
  const [, result] = await Promise.all(passes);

  const measured = parseLoudnessLog(loudness.lines);
  if (!measured) throw new Error(`no loudness summary in ffmpeg output for ${file}`);
  const overall = astatsOverall(stats);
  const silences = silence.finish(result.outTimeSeconds);
  const edges = edgeSilence(silences, result.outTimeSeconds);
  return {
    durationSeconds: result.outTimeSeconds,
    loudness: measured,
    samplePeakDbfs: overall.peakDb,
    clipping: {
      clipped: (overall.peakDb >= -0.01 && overall.flatFactor > 0) || measured.truePeakDbtp > 0.5,
      flatFactor: overall.flatFactor,
      peakCount: overall.peakCount,
    },
    silences,
    leadingSilenceSeconds: edges.leadingSeconds,
    trailingSilenceSeconds: edges.trailingSeconds,
    peaks: accumulator ? audiowaveformJson(accumulator, sampleRate) : undefined,
  };
}

/** The "Overall" section of astats' closing report. */
function astatsOverall(lines: string[]) {
  const start = lines.findIndex((l) => /\] Overall\s*$/.test(l));
  const section = start >= 0 ? lines.slice(start + 1) : [];
  const value = (label: string, fallback: number) => {
    const line = section.find((l) => l.includes(`] ${label}:`));
    const n = line ? Number.parseFloat(line.slice(line.indexOf(`${label}:`) + label.length + 1)) : Number.NaN;
    return Number.isFinite(n) ? n : fallback;
  };
  return {
    peakDb: value('Peak level dB', -99),
    flatFactor: value('Flat factor', 0),
    peakCount: value('Peak count', 0),
  };
}
