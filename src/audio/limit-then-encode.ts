import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { type FfmpegInput, type FfmpegOutput, runFfmpeg } from './ffmpeg-runner.js';
import { meterOutputOptions } from './meter/meter-audio.js';
import type { MediaTools } from './resolve-media-tools.js';

const run = promisify(execFile);

/**
 * Behind a limiter, two ffmpeg processes instead of one: the first decodes, applies gain and the
 * oversampled limiter and writes float PCM, which the second encodes to MP3. ffmpeg runs a filter
 * graph and its encoder on one thread, so in one process the limiter (oversampled: nearly as
 * slow as the encoder) and LAME took turns; split, they run on two cores side by side.
 *
 * The PCM goes from one to the other through a named pipe (`fifo`, made here and removed after):
 * 635 MB for 30 minutes of stereo, which through Node's streams cost a second of CPU on the core
 * the encoder's neighbours need. Node only starts both and watches them.
 */
export async function limitThenEncode(
  tools: MediaTools,
  input: string,
  task: {
    chain: string[];
    channels: 1 | 2;
    /** A path of our own for the named pipe, in the job's folder. */
    fifo: string;
    encoderInputs: FfmpegInput[];
    encoderOutput: FfmpegOutput;
    durationSeconds: number;
    onProgress?: (percent: number) => void;
    signal?: AbortSignal;
  },
) {
  const { channels, fifo } = task;
  await rm(fifo, { force: true });
  // Node has no mkfifo of its own; coreutils' is on every system ffmpeg runs on here.
  await run('mkfifo', ['-m', '600', fifo]);
  try {
    // One abort for both runs: when either fails the other stops too (even while it waits for
    // the pipe's other end to open).
    const stop = new AbortController();
    const signal = task.signal ? AbortSignal.any([task.signal, stop.signal]) : stop.signal;
    const limiting = runFfmpeg(tools, {
      inputs: [{ path: input }],
      outputs: [{ target: fifo, options: meterOutputOptions(channels, 44100, task.chain) }],
      signal,
    });
    const encoding = runFfmpeg(tools, {
      inputs: [
        { path: fifo, options: ['-f', 'f32le', '-ar', '44100', '-ac', String(channels)], formats: ['f32le'] },
        ...task.encoderInputs,
      ],
      outputs: [task.encoderOutput],
      durationSeconds: task.durationSeconds,
      onProgress: task.onProgress,
      signal,
    });
    for (const started of [limiting, encoding]) started.catch(() => stop.abort());
    const [, result] = await Promise.all([limiting, encoding]);
    return result;
  } finally {
    await rm(fifo, { force: true });
  }
}
