import { rm } from 'node:fs/promises';
import type { FfmpegResult } from './ffmpeg-runner.js';
import { followGrowingFile } from './meter/follow-growing-file.js';
import { meterAudio } from './meter/meter-audio.js';
import type { PcmMeterResult } from './meter/pcm-meter.js';
import type { MediaTools } from './resolve-media-tools.js';

/**
 * Runs an encode into `output` and meters the encoded file while it is being written: a second
 * ffmpeg decodes the bytes as the encoder flushes them (followGrowingFile) and the Node meter
 * reads the samples, on the core the encoder leaves free. Metering the MP3 after its encode cost a
 * fifth of a plain transcode on a 30-minute file; alongside it costs what the encoder's core does
 * not already wait for.
 *
 * Either failing stops the other, and the first failure is the one thrown.
 * Any earlier file at `output` is removed first, so the meter never reads a previous pass.
 */
export async function encodeAndMeter(
  tools: MediaTools,
  output: string,
  channels: 1 | 2,
  signal: AbortSignal | undefined,
  encode: (signal: AbortSignal) => Promise<FfmpegResult>,
): Promise<{ encoded: FfmpegResult; mp3: PcmMeterResult }> {
  await rm(output, { force: true });
  const stop = new AbortController();
  const both = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  const encoding = encode(both);
  const follower = followGrowingFile(output, encoding, both);
  const metering = meterAudio(tools, follower, {
    channels,
    sampleRate: 44100,
    signal: both,
  });
  // Handled here at once, so a failure of either is never left unobserved while the other runs;
  // the first failure is the one reported (the other is then only the stop it caused).
  let firstFailure: { reason: unknown } | undefined;
  const stopOnFailure = (error: unknown): never => {
    firstFailure ??= { reason: error };
    stop.abort();
    throw error;
  };
  await Promise.allSettled([encoding.catch(stopOnFailure), metering.catch(stopOnFailure)]);
  // A meter that stopped mid-file leaves the follower paused with its file open: close it.
  follower.destroy();
  if (firstFailure) throw firstFailure.reason;
  const [encoded, mp3] = await Promise.all([encoding, metering]); // both fulfilled by now
  return { encoded, mp3 };
}
