import { type DeliveryChapter, ffmetadata } from './ffmetadata.js';
import { rm, writeFile } from 'node:fs/promises';
import { imageContainers } from './accepted-containers.js';
import { type FfmpegInput, runFfmpeg } from './ffmpeg-runner.js';
import type { LoudnessMeasurement } from './parse-loudness-log.js';
import { limitedChain, planLoudnessGain, trialLoudness } from './plan-loudness-gain.js';
import { probeAudio } from './probe-audio.js';
import { type AudioQualityReport, type QualityReportOptions, qualityReport } from './quality-report.js';
import type { MediaTools } from './resolve-media-tools.js';

export interface DeliveryTags {
  title?: string;
  artist?: string;
  album?: string;
  comment?: string;
  year?: number;
}

export interface EncodeDeliveryOptions {
  /** Integrated loudness of the result (LUFS), e.g. -16. */
  targetLufs: number;
  /** Highest true peak of the result (dBTP), measured on the MP3 itself. Default -1. */
  truePeakDbtp?: number;
  /** The first pass (measureLoudness) of the input; taken again here if the channel count changes. */
  measured: LoudnessMeasurement;
  /** 64 kbit/s mono instead of 128 kbit/s stereo. */
  mono: boolean;
  tags: DeliveryTags;
  /** A JPEG to embed as front cover (APIC). */
  coverJpeg?: string;
  /** Written as ID3v2 CHAP frames. */
  chapters?: DeliveryChapter[];
  /** The real length, when known (validateRecording); otherwise probed for progress. */
  durationSeconds?: number;
  /** 0–100 while encoding. */
  onProgress?: (percent: number) => void;
  /** How peaks are held under the ceiling when one gain cannot do it; see encodeDelivery. */
  limiter?: 'alimiter' | 'loudnorm';
  /**
   * Also run the quality report (loudness, true peak, silences, clipping, peaks) on the signal
   * going into the encoder, in parallel with the encoding: on two cores this costs almost no extra
   * time, where measuring the finished MP3 afterwards costs a third pass. The figures describe the
   * signal before the encoder: the MP3 measures about 0.3 LU quieter and its true peak up to
   * 0.7 dB higher (both still within the target and the ceiling).
   */
  analyse?: Omit<QualityReportOptions, 'filters' | 'durationSeconds' | 'onProgress' | 'signal'>;
  signal?: AbortSignal;
}

export interface EncodeDeliveryResult {
  /**
   * `linear`: one gain for the whole file. `limited`: a gain and a true-peak limiter, the gain
   * raised to make up for what the limiter takes. `loudnorm`: loudnorm's second pass was asked for.
   */
  mode: 'linear' | 'limited' | 'loudnorm';
  gainDb: number;
  /** Loudness expected before the encoder (LUFS); the MP3 itself ends about 0.3 LU lower. */
  expectedLufs: number;
  durationSeconds: number;
  /** With `analyse`: the quality report of the signal that went into the encoder. */
  analysis?: AudioQualityReport;
}

// MP3 encoding raises true peaks: by 0.5 dB on speech at 64k mono in our fixtures, with the
// limiter set exactly at the ceiling. Aim lower so the delivered file, not the signal before the
// encoder, meets the ceiling.
const encoderHeadroomDb = 0.7;
// LAME at 128k stereo and 64k mono took 0.2-0.4 LU off every fixture we measured (sine, pink
// noise, speech); aim that much higher so the MP3 lands on the target rather than under it.
const encoderLossDb = 0.3;

/**
 * Encodes the delivery MP3 (libmp3lame, 44.1 kHz, 128k stereo or 64k mono, ID3v2.3 tags, optional
 * cover and chapters, no video) normalised to `targetLufs` with the measured first pass.
 *
 * Second pass, by default: when one gain reaches the target without pushing the true peak over the
 * ceiling, that gain is applied with `volume`, which is exactly loudnorm's linear mode without
 * loudnorm's resampling to 192 kHz (five times slower). Otherwise the gain is followed by a
 * limiter at 4x oversampling, and the gain is raised by what the limiter takes off (see
 * planLoudnessGain). loudnorm's own fallback, its dynamic mode, missed the target by 1.8 LU on
 * 17 s of speech and 6 LU on clicks, where this lands within 0.5 LU; `limiter: 'loudnorm'` still
 * runs loudnorm's second pass (measured_*, offset, linear=true) for comparison.
 *
 * @example
 * const measured = await measureLoudness(tools, 'in.wav');
 * await encodeDelivery(tools, 'in.wav', 'out.mp3', { targetLufs: -16, measured, mono: false, tags: { title: 'Aflevering 1' } });
 */
export async function encodeDelivery(
  tools: MediaTools,
  input: string,
  output: string,
  options: EncodeDeliveryOptions,
): Promise<EncodeDeliveryResult> {
  const { targetLufs, signal } = options;
  const ceiling = (options.truePeakDbtp ?? -1) - encoderHeadroomDb;
  const probe = await probeAudio(tools, input, { signal });
  const durationSeconds = options.durationSeconds ?? probe.durationSeconds;
  const channels = options.mono ? 1 : 2;
  // Channel conversion comes first, and is measured: a stereo file folded to mono, or mono spread
  // over two channels, changes loudness by up to 3 LU, so the first pass no longer describes it.
  const headFilters = [`aformat=channel_layouts=${options.mono ? 'mono' : 'stereo'}`];
  const measured =
    probe.audio.channels === channels
      ? options.measured
      : await trialLoudness(tools, input, headFilters, { truePeak: true, signal });

  let mode: EncodeDeliveryResult['mode'];
  let gainDb: number;
  let expectedLufs: number;
  let chain: string[];
  if (options.limiter === 'loudnorm') {
    mode = 'loudnorm';
    gainDb = targetLufs - measured.integratedLufs;
    expectedLufs = targetLufs;
    chain = [...headFilters, loudnormSecondPass(measured, targetLufs, ceiling)];
  } else {
    const plan = await planLoudnessGain(tools, input, {
      measured,
      aimLufs: targetLufs + encoderLossDb,
      ceilingDbtp: ceiling,
      headFilters,
      signal,
    });
    ({ mode, gainDb, expectedLufs } = plan);
    chain = [
      ...headFilters,
      ...(plan.mode === 'linear' ? [`volume=${gainDb.toFixed(2)}dB`] : limitedChain(gainDb, ceiling, 4)),
    ];
  }

  const inputs: FfmpegInput[] = [{ path: input }];
  const maps = ['-map', '0:a:0'];
  if (options.coverJpeg) {
    inputs.push({ path: options.coverJpeg, formats: imageContainers });
    maps.push('-map', `${inputs.length - 1}:v:0`, '-c:v', 'copy', '-disposition:v:0', 'attached_pic');
    maps.push('-metadata:s:v', 'title=Album cover', '-metadata:s:v', 'comment=Cover (front)');
  }
  const chaptersFile = options.chapters?.length ? `${output}.chapters.txt` : undefined;
  if (chaptersFile && options.chapters) {
    await writeFile(chaptersFile, ffmetadata(options.chapters, durationSeconds));
    inputs.push({ path: chaptersFile, options: ['-f', 'ffmetadata'], formats: ['ffmetadata'] });
  }

  // One abort for both runs: when either fails the other stops too.
  const stop = new AbortController();
  const runSignal = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  try {
    const encoding = runFfmpeg(tools, {
      inputs,
      outputs: [
        {
          target: output,
          options: [
            ...maps,
            '-af',
            chain.join(','),
            '-c:a',
            'libmp3lame',
            '-b:a',
            options.mono ? '64k' : '128k',
            '-ar',
            '44100',
            '-ac',
            options.mono ? '1' : '2',
            // Tags are ours alone: nothing of the upload's own metadata or chapters leaks through.
            // Global only: a plain `-map_metadata -1` would also drop our chapters' titles.
            '-map_metadata:g',
            '-1',
            '-map_chapters',
            chaptersFile ? String(inputs.length - 1) : '-1',
            ...tagOptions(options.tags),
            '-id3v2_version',
            '3',
            '-write_id3v1',
            '0',
            '-f',
            'mp3',
          ],
        },
      ],
      durationSeconds,
      onProgress: options.onProgress,
      signal: runSignal,
    });
    const analysing = options.analyse
      ? qualityReport(tools, input, {
          ...options.analyse,
          peaks: options.analyse.peaks && { ...options.analyse.peaks, sampleRate: 44100 },
          filters: [...chain, 'aresample=44100'],
          durationSeconds,
          signal: runSignal,
        })
      : undefined;
    for (const run of [encoding, analysing]) run?.catch(() => stop.abort());
    const [result, analysis] = await Promise.all([encoding, analysing]);
    return { mode, gainDb, expectedLufs, durationSeconds: result.outTimeSeconds, analysis };
  } catch (error) {
    await rm(output, { force: true });
    throw error;
  } finally {
    if (chaptersFile) await rm(chaptersFile, { force: true });
  }
}

/** loudnorm's second pass with the first pass's figures; it falls back to dynamic mode by itself. */
function loudnormSecondPass(measured: LoudnessMeasurement, targetLufs: number, ceiling: number): string {
  return [
    `loudnorm=I=${targetLufs}:TP=${ceiling}`,
    // Ask for no more compression than the recording has: loudnorm is here for the peaks.
    `LRA=${clamp(measured.lra, 7, 50)}`,
    `measured_I=${clamp(measured.integratedLufs, -99, 0)}`,
    `measured_TP=${clamp(measured.truePeakDbtp, -99, 99)}`,
    `measured_LRA=${clamp(measured.lra, 0, 99)}`,
    `measured_thresh=${clamp(measured.thresholdLufs, -99, 0)}`,
    `offset=${clamp(measured.targetOffset, -99, 99)}`,
    'linear=true',
  ].join(':');
}

function tagOptions(tags: DeliveryTags): string[] {
  const entries: [string, string | number | undefined][] = [
    ['title', tags.title],
    ['artist', tags.artist],
    ['album', tags.album],
    ['comment', tags.comment],
    ['date', tags.year],
  ];
  return entries.flatMap(([key, value]) =>
    value === undefined || value === '' ? [] : ['-metadata', `${key}=${String(value)}`],
  );
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
