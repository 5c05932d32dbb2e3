import { AudioRejectedError } from './audio-rejected-error.js';
import { isDataFailure, lastMeaningfulLine } from './ffmpeg-error.js';
import { meterAudio } from './meter/meter-audio.js';
import type { PcmMeterResult } from './meter/pcm-meter.js';
import { type AudioProbe, probeAudio } from './probe-audio.js';
import { type RecordingTags, readTags } from './read-tags.js';
import type { MediaTools } from './resolve-media-tools.js';
import { type ValidatedRecording, validateRecording } from './validate-recording.js';

export interface FirstPass {
  probe: AudioProbe;
  /** The verdict: real length, and whether less decodes than the file claims. */
  recording: ValidatedRecording;
  /** Metered at the delivery's layout (mono for mono, else stereo), with the waveform outline. */
  input: PcmMeterResult;
  /** null when the file has no tags music-metadata can read. */
  tags: RecordingTags | null;
}

/**
 * Everything processing learns from a recording before encoding it, in one decode. The whole
 * recording is decoded and metered at the delivery's channel layout (loudness, true peak,
 * clipping, waveform outline), which also tells what really decodes, so validation needs no
 * decodes of its own. Only a file claiming more than the limit is checked first (a short decode of
 * its end says whether the claim is real), and a file that fails to decode is checked after, for
 * the plain reason (AudioRejectedError). Tags are read meanwhile.
 *
 * @example
 * const { recording, input, tags } = await firstPass(tools, file, { maxDurationSeconds: 6 * 3600 });
 */
export async function firstPass(
  tools: MediaTools,
  file: string,
  options: { maxDurationSeconds: number; onProgress?: (percent: number) => void; signal?: AbortSignal },
): Promise<FirstPass> {
  const { signal } = options;
  const probe = await probeAudio(tools, file, { signal });
  const reading = readTags(file).catch(() => null);
  const limits = { maxDurationSeconds: options.maxDurationSeconds, probe, signal };
  if (probe.durationSeconds > options.maxDurationSeconds) await validateRecording(tools, file, limits);
  let input: PcmMeterResult | undefined;
  let meterError: unknown;
  try {
    input = await meterAudio(tools, file, {
      channels: probe.audio.channels === 1 ? 1 : 2,
      sampleRate: probe.audio.sampleRate,
      sampleFormat: probe.audio.sampleFormat,
      envelope: { pixelsPerSecond: 20 },
      durationSeconds: probe.durationSeconds,
      onProgress: options.onProgress,
      signal,
    });
  } catch (error) {
    meterError = error;
  }
  const recording = await validateRecording(tools, file, {
    ...limits,
    decodedSeconds: input?.durationSeconds,
  });
  if (!input) {
    // It probed, but its audio does not decode (a damaged AMR: ffmpeg exits 69): that is the
    // file's fault, and no retry will change it.
    if (isDataFailure(meterError)) {
      const why = lastMeaningfulLine(meterError.details.stderrTail) ?? meterError.message;
      throw new AudioRejectedError('undecodable', `the audio does not decode: ${why}`, { cause: meterError });
    }
    throw meterError;
  }
  return { probe, recording, input, tags: await reading };
}
