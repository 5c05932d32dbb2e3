import { Writable } from 'node:stream';
import { runFfmpeg } from './ffmpeg-runner.js';
import { PeaksAccumulator } from './peaks-accumulator.js';
import { probeAudio } from './probe-audio.js';
import type { MediaTools } from './resolve-media-tools.js';

/** BBC audiowaveform's JSON format, version 2, one channel, 8 bits: what peaks.js and wavesurfer read. */
export interface AudiowaveformJson {
  version: 2;
  channels: 1;
  sample_rate: number;
  samples_per_pixel: number;
  bits: 8;
  /** Number of pixels; `data` holds a min and a max for each. */
  length: number;
  data: number[];
}

export interface ComputePeaksOptions {
  /** Horizontal resolution; default 20 pixels per second. Ignored when samplesPerPixel is given. */
  pixelsPerSecond?: number;
  samplesPerPixel?: number;
  /** The file's sample rate when known (saves a probe); peaks are taken at that rate. */
  sampleRate?: number;
  durationSeconds?: number;
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
}

/**
 * Waveform peaks of the first audio stream, mixed to mono. ffmpeg decodes to 16-bit PCM on stdout
 * and the samples are folded into min/max pairs as they stream past, so memory stays flat however
 * long the recording (a Writable sink with backpressure: ffmpeg waits while we fold).
 *
 * @example
 * const peaks = await computePeaks(tools, 'episode.mp3', { pixelsPerSecond: 20 });
 * await writeFile('episode.json', JSON.stringify(peaks));
 */
export async function computePeaks(
  tools: MediaTools,
  file: string,
  options: ComputePeaksOptions = {},
): Promise<AudiowaveformJson> {
  const sampleRate = options.sampleRate ?? (await probeAudio(tools, file)).audio.sampleRate;
  if (!sampleRate) throw new Error(`no sample rate known for ${file}`);
  const samplesPerPixel =
    options.samplesPerPixel ?? Math.max(1, Math.round(sampleRate / (options.pixelsPerSecond ?? 20)));
  const accumulator = new PeaksAccumulator(samplesPerPixel);
  await runFfmpeg(tools, {
    inputs: [{ path: file }],
    outputs: [{ target: pcmSink(accumulator), options: pcmOutputOptions(sampleRate) }],
    durationSeconds: options.durationSeconds,
    onProgress: options.onProgress,
    signal: options.signal,
  });
  return audiowaveformJson(accumulator, sampleRate);
}

/** Output options for mono 16-bit PCM on stdout; shared with the one-pass quality report. */
export function pcmOutputOptions(sampleRate: number, map = '0:a:0'): string[] {
  return ['-map', map, '-ac', '1', '-ar', String(sampleRate), '-c:a', 'pcm_s16le', '-f', 's16le'];
}

/** A sink for ffmpeg's stdout feeding the accumulator. */
export function pcmSink(accumulator: PeaksAccumulator): Writable {
  return new Writable({
    // No 'close' event: fluent-ffmpeg treats a closing output stream as a failure and kills ffmpeg
    // 20 ms later, racing its normal exit.
    emitClose: false,
    highWaterMark: 256 * 1024,
    write(chunk: Buffer, _encoding, callback) {
      accumulator.push(chunk);
      callback();
    },
  });
}

export function audiowaveformJson(accumulator: PeaksAccumulator, sampleRate: number): AudiowaveformJson {
  const data = accumulator.finish();
  return {
    version: 2,
    channels: 1,
    sample_rate: sampleRate,
    samples_per_pixel: accumulator.samplesPerPixel,
    bits: 8,
    length: data.length / 2,
    data,
  };
}
