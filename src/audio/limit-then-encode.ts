import { PassThrough } from 'node:stream';
import { type FfmpegInput, type FfmpegOutput, runFfmpeg } from './ffmpeg-runner.js';
import { meterOutputOptions } from './meter/meter-audio.js';
import type { MediaTools } from './resolve-media-tools.js';

/**
 * Behind a limiter, two ffmpeg processes instead of one: the first decodes, applies gain and the
 * oversampled limiter and writes float PCM, which Node passes on to the second, which encodes the
 * MP3. ffmpeg runs a filter graph and its encoder on one thread, so
 * in one process the limiter (4x oversampling: about as slow as the encoder) and LAME took turns;
 * split, they run on two cores side by side.
 */
export async function limitThenEncode(
  tools: MediaTools,
  input: string,
  task: {
    chain: string[];
    channels: 1 | 2;
    encoderInputs: FfmpegInput[];
    encoderOutput: FfmpegOutput;
    durationSeconds: number;
    onProgress?: (percent: number) => void;
    signal?: AbortSignal;
  },
) {
  const { channels } = task;
  // One abort for both runs: when either fails the other stops too.
  const stop = new AbortController();
  const signal = task.signal ? AbortSignal.any([task.signal, stop.signal]) : stop.signal;
  const pcm = new PassThrough({ highWaterMark: 1 << 20 });
  const limiting = runFfmpeg(tools, {
    inputs: [{ path: input }],
    outputs: [
      {
        target: pcm,
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
