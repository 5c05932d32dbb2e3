import { rm, writeFile } from 'node:fs/promises';
import { imageContainers } from './accepted-containers.js';
import { type DeliveryChapter, ffmetadata } from './ffmetadata.js';
import { type FfmpegInput, type FfmpegOutput, runFfmpeg } from './ffmpeg-runner.js';
import { limitThenEncode } from './limit-then-encode.js';
import { PcmMeter, type PcmMeterResult } from './meter/pcm-meter.js';
import {
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
  /** Loudness expected before the encoder (LUFS); the MP3 itself ends about 0.3 LU lower. */
  expectedLufs: number;
  durationSeconds: number;
  /**
   * The signal that went into the encoder: loudness, true peak, silences, waveform. `linear`:
   * follows exactly from the first pass and the gain. `limited`: metered while encoding, from a
   * copy of the limiter's output, on the other core.
   */
  delivered: SignalReport;
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
 * Second pass: when one gain reaches the target without pushing the true peak over the ceiling,
 * that gain is applied with `volume`: loudnorm's linear mode without loudnorm's resampling to
 * 192 kHz (five times slower), and the run is a plain encode. Otherwise the gain is followed by a
 * limiter at 4x oversampling, the gain raised by what the limiter takes off (planLoudnessGain),
 * and the limiter's output is metered while it is encoded. loudnorm's own fallback, its dynamic
 * mode, missed the target by 1.8 LU on 17 s of speech and 6 LU on clicks, where this lands within
 * 0.5 LU.
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
  const ceiling = (options.truePeakDbtp ?? -1) - encoderHeadroomDb;
  const durationSeconds = options.durationSeconds ?? metered.durationSeconds;
  const channels = options.mono ? 1 : 2;
  // Channel conversion comes first: the first pass measured this same layout.
  const headFilters = [`aformat=channel_layouts=${options.mono ? 'mono' : 'stereo'}`];
  const plan = await planLoudnessGain(tools, input, {
    measured: meteredLoudness(metered),
    aimLufs: targetLufs + encoderLossDb,
    ceilingDbtp: ceiling,
    channels,
    sampleRate: metered.envelope.sampleRate,
    signal,
  });
  const chain = [
    ...headFilters,
    ...(plan.mode === 'linear'
      ? [`volume=${plan.gainDb.toFixed(2)}dB`]
      : limitedChain(plan.gainDb, ceiling, 4)),
  ];

  // The encoder's own input comes first (the recording, or the limiter's PCM), then these.
  const extras: FfmpegInput[] = [];
  const maps: string[] = [];
  if (options.coverJpeg) {
    extras.push({ path: options.coverJpeg, formats: imageContainers });
    maps.push('-map', `${extras.length}:v:0`, '-c:v', 'copy', '-disposition:v:0', 'attached_pic');
    maps.push('-metadata:s:v', 'title=Album cover', '-metadata:s:v', 'comment=Cover (front)');
  }
  const chaptersFile = options.chapters?.length ? `${output}.chapters.txt` : undefined;
  if (chaptersFile && options.chapters) {
    await writeFile(chaptersFile, ffmetadata(options.chapters, durationSeconds));
    extras.push({ path: chaptersFile, options: ['-f', 'ffmetadata'], formats: ['ffmetadata'] });
  }
  const mp3Output = (filters: string[]): FfmpegOutput => ({
    target: output,
    options: [
      '-map',
      '0:a:0',
      ...maps,
      ...(filters.length ? ['-af', filters.join(',')] : []),
      ...mp3Options(options),
      '-map_chapters',
      chaptersFile ? String(extras.length) : '-1',
      '-f',
      'mp3',
    ],
  });

  try {
    if (plan.mode === 'linear') {
      const result = await runFfmpeg(tools, {
        inputs: [{ path: input }, ...extras],
        outputs: [mp3Output(chain)],
        durationSeconds,
        onProgress: options.onProgress,
        signal,
      });
      return {
        ...plan,
        durationSeconds: result.outTimeSeconds,
        delivered: signalReport(metered, { gainDb: plan.gainDb, silence: options.silence }),
      };
    }
    const meter = new PcmMeter({
      channels,
      sampleRate: 44100,
      envelope: { pixelsPerSecond: pixelsPerSecond(metered) },
    });
    const result = await limitThenEncode(tools, input, {
      chain,
      channels,
      meter,
      encoderInputs: extras,
      encoderOutput: mp3Output([]),
      durationSeconds,
      onProgress: options.onProgress,
      signal,
    });
    return {
      ...plan,
      durationSeconds: result.outTimeSeconds,
      delivered: signalReport(meter.finish(), { silence: options.silence }),
    };
  } catch (error) {
    await rm(output, { force: true });
    throw error;
  } finally {
    if (chaptersFile) await rm(chaptersFile, { force: true });
  }
}

function pixelsPerSecond(metered: PcmMeterResult): number {
  const envelope = metered.envelope;
  return envelope ? envelope.sampleRate / envelope.samplesPerPixel : 20;
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
