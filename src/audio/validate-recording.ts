import { AudioRejectedError } from './audio-rejected-error.js';
import { FfmpegError } from './ffmpeg-error.js';
import { runFfmpeg } from './ffmpeg-runner.js';
import { type AudioProbe, probeAudio } from './probe-audio.js';
import type { MediaTools } from './resolve-media-tools.js';

export interface ValidatedRecording extends AudioProbe {
  /** What the header said; differs from `durationSeconds` only when `truncated`. */
  claimedDurationSeconds: number;
  /** The container claims more than decodes (cut-off upload, lying header); duration is the real one. */
  truncated: boolean;
}

export interface ValidateRecordingOptions {
  maxDurationSeconds: number;
  /** Shorter than this is refused (default 1 s): nothing to publish. */
  minDurationSeconds?: number;
  /** A truncated file that still holds usable audio: keep it with its real duration (default), or refuse it. */
  truncated?: 'accept' | 'reject';
  /** The file's probe when the caller already has it. */
  probe?: AudioProbe;
  /**
   * Seconds a whole decode of the file yielded, when the caller has just done one (the first
   * pass): then no decoding is needed here. Absent or nothing, the file is decoded here.
   */
  decodedSeconds?: number;
  signal?: AbortSignal;
}

// Seconds decoded from the start; enough to catch a file whose body is garbage behind a good header.
const headSeconds = 30;
// Seconds decoded just before the claimed end; some audio there means the file is whole.
const tailSeconds = 10;

/**
 * Probes a recording and proves it decodes, so nothing downstream works on a file that only claims
 * to be audio. Decodes the first 30 s, then 10 s just before the claimed end; only when the end
 * does not decode (a cut-off file, a header claiming 24 hours) is the whole file decoded, to learn
 * its real length. A normal file costs two short decodes whatever its size.
 *
 * Throws AudioRejectedError: `undecodable`, `no_audio_stream`, `zero_duration`, `too_long`
 * (checked against the real length, so a short file with a lying header is not refused for its
 * claim) and, with `truncated: 'reject'`, `truncated`.
 *
 * @example
 * const recording = await validateRecording(tools, file, { maxDurationSeconds: 6 * 3600 });
 * if (recording.truncated) warn(`only ${recording.durationSeconds} s of ${recording.claimedDurationSeconds} s decode`);
 */
export async function validateRecording(
  tools: MediaTools,
  file: string,
  options: ValidateRecordingOptions,
): Promise<ValidatedRecording> {
  const { signal } = options;
  const probe = options.probe ?? (await probeAudio(tools, file, { signal }));
  const claimed = probe.durationSeconds;

  const known = options.decodedSeconds;
  const real = known && known > 0.01 ? known : await decodeToLearnLength(tools, file, claimed, signal);
  return judge(probe, real, options);
}

/** How many seconds of the file decode: the head, then the end, or else all of it. */
async function decodeToLearnLength(
  tools: MediaTools,
  file: string,
  claimed: number,
  signal: AbortSignal | undefined,
): Promise<number> {
  const head = await decodedSeconds(tools, file, { lengthSeconds: headSeconds, signal });
  if (head.seconds <= 0.01) {
    throw new AudioRejectedError(
      'undecodable',
      `no audio could be decoded${head.error ? `: ${head.error}` : ''}`,
    );
  }

  if (claimed <= headSeconds || head.seconds < headSeconds - 0.5) {
    // The head decode already reached the end of what is there.
    return head.seconds;
  }
  const tail = await decodedSeconds(tools, file, {
    startSeconds: Math.max(0, claimed - tailSeconds),
    lengthSeconds: tailSeconds,
    signal,
  });
  // Seeking is approximate (VBR mp3 without a table of contents), so any audio near the end counts.
  return tail.seconds >= 0.5 ? claimed : (await decodedSeconds(tools, file, { signal, full: true })).seconds;
}

/** The verdict on a recording from its probe and the seconds that really decode. */
function judge(probe: AudioProbe, real: number, options: ValidateRecordingOptions): ValidatedRecording {
  const claimed = probe.durationSeconds;
  const truncated = real < claimed - Math.max(1, claimed * 0.02);
  const duration = truncated ? real : claimed;
  const minimum = options.minDurationSeconds ?? 1;
  if (duration < minimum) {
    throw new AudioRejectedError(
      truncated ? 'truncated' : 'zero_duration',
      truncated
        ? `the file claims ${clock(claimed)} but only ${duration.toFixed(2)} s of audio decodes`
        : `the recording is only ${duration.toFixed(2)} s long`,
    );
  }
  if (truncated && options.truncated === 'reject') {
    throw new AudioRejectedError(
      'truncated',
      `the file claims ${clock(claimed)} but only ${clock(real)} of audio decodes`,
    );
  }
  if (duration > options.maxDurationSeconds) {
    throw new AudioRejectedError(
      'too_long',
      `the recording lasts ${clock(duration)}; at most ${clock(options.maxDurationSeconds)} is accepted`,
    );
  }
  return { ...probe, durationSeconds: duration, claimedDurationSeconds: claimed, truncated };
}

/** Decodes (part of) the first audio stream to nowhere and reports how many seconds came out. */
async function decodedSeconds(
  tools: MediaTools,
  file: string,
  options: { startSeconds?: number; lengthSeconds?: number; full?: boolean; signal?: AbortSignal },
): Promise<{ seconds: number; error?: string }> {
  const inputOptions: string[] = [];
  if (options.startSeconds) inputOptions.push('-ss', options.startSeconds.toFixed(3));
  if (options.lengthSeconds) inputOptions.push('-t', String(options.lengthSeconds));
  try {
    const result = await runFfmpeg(tools, {
      inputs: [{ path: file, options: inputOptions }],
      outputs: [{ target: '-', options: ['-map', '0:a:0', '-f', 'null'] }],
      logLevel: 'error',
      // A whole decode of a long file runs at hundreds of times real time; 30 minutes is a stall.
      timeoutMs: options.full ? 30 * 60_000 : 2 * 60_000,
      idleTimeoutMs: 30_000,
      signal: options.signal,
    });
    return { seconds: result.outTimeSeconds };
  } catch (error) {
    // A missing ffmpeg or a cancelled job says nothing about the file.
    if (!(error instanceof FfmpegError) || error.details.stopped === 'aborted' || error.details.spawnError) {
      throw error;
    }
    if (error.details.stopped) {
      throw new AudioRejectedError('undecodable', 'decoding the file stalled', { cause: error });
    }
    // A damaged stream may fail after decoding part of it: what came out is what counts.
    return {
      seconds: error.details.outTimeSeconds ?? 0,
      error: error.message.replace(/^ffmpeg failed: /, ''),
    };
  }
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  return `${hh}:${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')}`;
}
