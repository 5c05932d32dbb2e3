import { PassThrough, Writable } from 'node:stream';
import { type FfmpegInput, type FfmpegOutput, runFfmpeg } from './ffmpeg-runner.js';
import { meterOutputOptions } from './meter/meter-audio.js';
import type { PcmMeter } from './meter/pcm-meter.js';
import { pcmSink } from './meter/pcm-sink.js';
import type { MediaTools } from './resolve-media-tools.js';

/**
 * Behind a limiter, two ffmpeg processes instead of one: the first decodes, applies gain and the
 * oversampled limiter and writes float PCM; Node meters that PCM and passes the same bytes on to
 * the second, which encodes the MP3. ffmpeg runs a filter graph and its encoder on one thread, so
 * in one process the limiter (4x oversampling: about as slow as the encoder) and LAME took turns;
 * split, they run on two cores side by side.
 */
export async function limitThenEncode(
  tools: MediaTools,
  input: string,
  task: {
    chain: string[];
    channels: 1 | 2;
    /** Meters the limiter's output on its way to the encoder, when given. */
    meter?: PcmMeter;
    encoderInputs: FfmpegInput[];
    encoderOutput: FfmpegOutput;
    durationSeconds: number;
    onProgress?: (percent: number) => void;
    signal?: AbortSignal;
  },
) {
  const { channels, meter } = task;
  // One abort for both runs: when either fails the other stops too.
  const stop = new AbortController();
  const signal = task.signal ? AbortSignal.any([task.signal, stop.signal]) : stop.signal;
  const pcm = new PassThrough({ highWaterMark: 1 << 20 });
  const limiting = runFfmpeg(tools, {
    inputs: [{ path: input }],
    outputs: [
      {
        target: meter
          ? tee(
              pcmSink('f32le', channels, (samples) => meter.push(samples)),
              pcm,
            )
          : pcm,
        options: meterOutputOptions(channels, 44100, task.chain),
      },
    ],
    signal,
  });
  const encoding = runFfmpeg(tools, {
    inputs: [
      { path: pcm, options: ['-f', 'f32le', '-ar', '44100', '-ac', String(channels)], formats: ['f32le'] },
      ...task.encoderInputs,
    ],
    outputs: [task.encoderOutput],
    durationSeconds: task.durationSeconds,
    onProgress: task.onProgress,
    signal,
  });
  for (const run of [limiting, encoding]) run.catch(() => stop.abort());
  const [, result] = await Promise.all([limiting, encoding]);
  return result;
}

/** A Writable that writes every chunk to both, waiting for both (backpressure from either). */
function tee(first: Writable, second: Writable): Writable {
  const both = (write: (target: Writable, done: (error?: Error | null) => void) => void) =>
    new Promise<void>((resolve, reject) => {
      let pending = 2;
      const done = (error?: Error | null) => {
        if (error) reject(error);
        else if (--pending === 0) resolve();
      };
      write(first, done);
      write(second, done);
    });
  return new Writable({
    emitClose: false,
    highWaterMark: 1 << 20,
    write(chunk: Buffer, _encoding, callback) {
      both((target, done) => target.write(chunk, done)).then(() => callback(), callback);
    },
    final(callback) {
      both((target, done) => target.end(done)).then(() => callback(), callback);
    },
  });
}
