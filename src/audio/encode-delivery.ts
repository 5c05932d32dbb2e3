import { rm, writeFile } from 'node:fs/promises';
import { imageContainers } from './accepted-containers.js';
import { encodeAndMeter } from './encode-and-meter.js';
import { type DeliveryChapter, ffmetadata } from './ffmetadata.js';
import { type FfmpegInput, runFfmpeg } from './ffmpeg-runner.js';
import type { PcmMeterResult } from './meter/pcm-meter.js';
import {
  dbfs,
  meteredLoudness,
  type SignalReport,
  type SilenceSettings,
  signalReport,
} from './meter/signal-report.js';
import { limitedChain, planLoudnessGain } from './plan-loudness-gain.js';
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
  /**
   * The input metered at the delivery's channel layout, with its waveform envelope (meterAudio
   * with `channels` 1 for mono, 2 otherwise, and `envelope`): the first pass.
   */
  input: PcmMeterResult;
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
  /** Silence detection on the delivered signal. */
  silence?: SilenceSettings;
  signal?: AbortSignal;
}

export interface EncodeDeliveryResult {
  /** `linear`: one gain for the whole file. `limited`: a gain and a true-peak limiter, the gain
   * raised to make up for what the limiter takes. */
  mode: 'linear' | 'limited';
  gainDb: number;
  /** Loudness aimed at before the encoder (LUFS). */
  expectedLufs: number;
  durationSeconds: number;
  /** 1, or 2 when the first MP3 missed the target or the ceiling and was encoded again. */
  passes: number;
  /** The delivered MP3 itself, decoded and metered: loudness, true peak, silences, waveform. */
  delivered: SignalReport;
}

// MP3 encoding raises true peaks (by 0.5 dB on speech at 64k mono in our fixtures) and takes
// 0.2-0.4 LU off (sine, pink noise, speech at 128k stereo and 64k mono). The first encode aims
// with both margins; the MP3 is then metered, and a miss is encoded once more with the gain and
// ceiling corrected by what this very file lost or gained.
const encoderHeadroomDb = 0.7;
const encoderLossDb = 0.3;
// What the delivered file must meet, measured by us; kept inside the promise (±0.5 LU, -1 dBTP)
// by our meter's distance from ffmpeg's ebur128 (0.1 LU, 0.2 dB on MP3s), so either meter agrees.
const lufsTolerance = 0.35;
const peakMarginDb = 0.2;

/**
 * Encodes the delivery MP3 (libmp3lame, 44.1 kHz, 128k stereo or 64k mono, ID3v2.3 tags, optional
 * cover and chapters, no video) normalised to `targetLufs` with the measured first pass, and
 * reports what was delivered: the MP3 is decoded and metered while it is written (encodeAndMeter),
 * since encoding moves loudness and true peak in ways a plan cannot see.
 *
 * When one gain reaches the target without pushing the true peak over the ceiling, that gain is
 * applied with `volume`: loudnorm's linear mode without loudnorm's resampling to 192 kHz (five
 * times slower), and the run is a plain encode. Otherwise the gain is followed by a limiter (at
 * 44.1 kHz; limitedChain), the gain raised by what the limiter takes off (planLoudnessGain).
 * loudnorm's own fallback, its dynamic mode, missed the target by 1.8 LU on 17 s of speech and 6
 * LU on clicks.
 * When the delivered MP3 misses the target or the ceiling, it is encoded once more with the gain
 * and ceiling corrected by the miss.
 *
 * @example
 * const input = await meterAudio(tools, 'in.wav', { channels: 2, sampleRate: 48000, envelope: { pixelsPerSecond: 20 } });
 * await encodeDelivery(tools, 'in.wav', 'out.mp3', { targetLufs: -16, input, mono: false, tags: { title: 'Aflevering 1' } });
 */
export async function encodeDelivery(
  tools: MediaTools,
  input: string,
  output: string,
  options: EncodeDeliveryOptions,
): Promise<EncodeDeliveryResult> {
  const { targetLufs, signal, input: metered } = options;
  if (!metered.envelope) throw new Error('encodeDelivery needs the first pass with its waveform envelope');
  const promisedPeak = options.truePeakDbtp ?? -1;
  const durationSeconds = options.durationSeconds ?? metered.durationSeconds;
  const channels = options.mono ? 1 : 2;
  const measured = meteredLoudness(metered);
  const silent = measured.integratedLufs <= -70;

  const chaptersFile = options.chapters?.length ? `${output}.chapters.txt` : undefined;
  try {
    if (chaptersFile && options.chapters) {
      await writeFile(chaptersFile, ffmetadata(options.chapters, durationSeconds));
    }
    let aimLufs = targetLufs + encoderLossDb;
    let ceiling = promisedPeak - encoderHeadroomDb;
    for (let pass = 1; ; pass++) {
      const plan = await planLoudnessGain(tools, input, {
        measured,
        aimLufs,
        ceilingDbtp: ceiling,
        channels,
        sampleRate: metered.envelope.sampleRate,
        durationSeconds,
        signal,
      });
      const { encoded, mp3 } = await encodeAndMeter(tools, output, channels, signal, (encodeSignal) =>
        encodeOnce(tools, input, output, {
          options,
          chaptersFile,
          durationSeconds,
          // A second pass re-encodes the whole file: its progress restarts.
          onProgress: pass === 1 ? options.onProgress : undefined,
          filters: [
            // Channel conversion comes first: the first pass measured this same layout.
            `aformat=channel_layouts=${options.mono ? 'mono' : 'stereo'}`,
            ...(plan.limiterCeilingDbtp === undefined
              ? [`volume=${plan.gainDb.toFixed(2)}dB`]
              : limitedChain(plan.gainDb, plan.limiterCeilingDbtp, 44100)),
          ],
          signal: encodeSignal,
        }),
      );
      const delivered = deliveredReport(metered, plan.gainDb, mp3, options.silence);
      const miss = targetLufs - delivered.loudness.integratedLufs;
      const over = delivered.loudness.truePeakDbtp - (promisedPeak - peakMarginDb);
      // A file whose loudness a limiter could not lift (mostly peaks) stays short of the target
      // on every pass: only a peak over the ceiling is worth a second one then.
      const capped = plan.mode === 'limited' && plan.expectedLufs < aimLufs - lufsTolerance;
      const onTarget = Math.abs(miss) <= lufsTolerance || capped;
      if (pass === 2 || silent || (over <= 0 && onTarget)) {
        return { ...plan, passes: pass, durationSeconds: encoded.outTimeSeconds, delivered };
      }
      aimLufs += miss; // what this very file lost (or gained) in the encoder
      if (over > 0) ceiling -= over + 0.1;
    }
  } catch (error) {
    await rm(output, { force: true });
    throw error;
  } finally {
    if (chaptersFile) await rm(chaptersFile, { force: true });
  }
}

/**
 * The delivered file's report: loudness, true peak and sample peak as the MP3 was metered; the
 * waveform outline and the silences from the first pass after the gain, which the MP3 would give
 * the same (silences do not move; behind a limiter the outline is cut at the delivered peak).
 * Metering the MP3 without them halves its cost.
 */
function deliveredReport(
  firstPass: PcmMeterResult,
  gainDb: number,
  mp3: PcmMeterResult,
  silence: SilenceSettings | undefined,
): SignalReport {
  const outline = signalReport(firstPass, { gainDb, silence });
  const samplePeakDbfs = mp3.samplePeak > 0 ? dbfs(mp3.samplePeak) : -99;
  const top = Math.max(1, Math.round(128 * 10 ** (samplePeakDbfs / 20)));
  const data = outline.peaks.data.map((v) => Math.max(-top, Math.min(top, v)));
  return {
    ...outline,
    loudness: meteredLoudness(mp3),
    samplePeakDbfs,
    peaks: { ...outline.peaks, data },
  };
}

/** One encode of the delivery: the gain (and the limiter when needed) and LAME in one ffmpeg. */
async function encodeOnce(
  tools: MediaTools,
  input: string,
  output: string,
  task: {
    options: EncodeDeliveryOptions;
    chaptersFile?: string;
    durationSeconds: number;
    onProgress?: (percent: number) => void;
    filters: string[];
    signal: AbortSignal;
  },
) {
  const { options } = task;
  // The recording is input 0, then these.
  const extras: FfmpegInput[] = [];
  const maps: string[] = [];
  if (options.coverJpeg) {
    extras.push({ path: options.coverJpeg, formats: imageContainers });
    maps.push('-map', `${extras.length}:v:0`, '-c:v', 'copy', '-disposition:v:0', 'attached_pic');
    maps.push('-metadata:s:v', 'title=Album cover', '-metadata:s:v', 'comment=Cover (front)');
  }
  if (task.chaptersFile) {
    extras.push({ path: task.chaptersFile, options: ['-f', 'ffmetadata'], formats: ['ffmetadata'] });
  }
  return runFfmpeg(tools, {
    inputs: [{ path: input }, ...extras],
    outputs: [
      {
        target: output,
        options: [
          '-map',
          '0:a:0',
          ...maps,
          '-af',
          task.filters.join(','),
          ...mp3Options(options),
          '-map_chapters',
          task.chaptersFile ? String(extras.length) : '-1',
          '-f',
          'mp3',
        ],
      },
    ],
    durationSeconds: task.durationSeconds,
    onProgress: task.onProgress,
    signal: task.signal,
  });
}

function mp3Options(options: EncodeDeliveryOptions): string[] {
  return [
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
    ...tagOptions(options.tags),
    '-id3v2_version',
    '3',
    '-write_id3v1',
    '0',
  ];
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
