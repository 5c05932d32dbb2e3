import { stat } from 'node:fs/promises';
import { AudioRejectedError } from './audio-rejected-error.js';
import { FfmpegError } from './ffmpeg-error.js';
import { runFfprobe } from './ffprobe-runner.js';
import type { MediaTools } from './resolve-media-tools.js';

export { AudioRejectedError, type AudioRejectionReason } from './audio-rejected-error.js';

export interface AudioProbe {
  /** What the header claims for the sound track; `validateRecording` checks it against what decodes. */
  durationSeconds: number;
  /** ffmpeg's demuxer name, e.g. `mp3`, `wav`, `mov,mp4,m4a,3gp,3g2,mj2`. */
  formatName: string;
  /** Overall bit rate in bits per second, when the container tells. */
  bitRate: number | null;
  sizeBytes: number;
  /** The first audio stream: the one every other function in audio/ uses (`0:a:0`). */
  audio: {
    codec: string;
    sampleRate: number;
    channels: number;
    bitRate: number | null;
    channelLayout: string | null;
    /** How the decoder hands out samples (`s16`, `fltp`, …). */
    sampleFormat: string | null;
  };
  /** A real picture track (a video call), not an embedded cover image. */
  hasVideo: boolean;
}

const probeEntries = [
  'format=format_name,duration,bit_rate',
  'stream=codec_type,codec_name,sample_rate,channels,channel_layout,sample_fmt,bit_rate,duration',
  'stream_disposition=attached_pic',
].join(':');

interface FfprobeJson {
  streams?: Array<{
    codec_type?: string;
    codec_name?: string;
    sample_rate?: string;
    channels?: number;
    channel_layout?: string;
    sample_fmt?: string;
    bit_rate?: string;
    duration?: string;
    disposition?: { attached_pic?: number };
  }>;
  format?: { format_name?: string; duration?: string; bit_rate?: string; size?: string };
}

/**
 * Reads the container and its first audio stream with ffprobe (JSON output). Throws
 * AudioRejectedError for an empty or unreadable file, a file without audio, or one without a
 * duration. Cheap: it reads headers only, so a lying header passes; see `validateRecording`.
 *
 * @example
 * const { durationSeconds, audio } = await probeAudio(tools, '/tmp/upload.m4a');
 */
export async function probeAudio(
  tools: MediaTools,
  file: string,
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<AudioProbe> {
  const { size } = await stat(file);
  if (size === 0) throw new AudioRejectedError('undecodable', 'the file is empty');

  let json: FfprobeJson;
  try {
    // Only the entries read below: no tags, which an upload may fill with megabytes (a 15 MB
    // ID3 PRIV frame printed 78 MB of JSON, over any sane output limit).
    const stdout = await runFfprobe(
      tools,
      file,
      ['-print_format', 'json', '-show_entries', probeEntries],
      options,
    );
    json = JSON.parse(stdout) as FfprobeJson;
  } catch (error) {
    // A missing ffprobe or a cancelled job says nothing about the file.
    if (error instanceof FfmpegError && (error.details.stopped === 'aborted' || error.details.spawnError))
      throw error;
    throw new AudioRejectedError('undecodable', describeProbeFailure(error), { cause: error });
  }

  const streams = json.streams ?? [];
  const audio = streams.find((s) => s.codec_type === 'audio');
  // mp3 and m4a carry cover art as a one-frame video stream marked attached_pic.
  const hasVideo = streams.some((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  if (!audio) {
    throw new AudioRejectedError(
      'no_audio_stream',
      hasVideo ? 'the file has video but no sound track' : 'the file has no audio stream',
    );
  }

  // The sound track's own length first: in a video call the picture may run on after the sound.
  const durationSeconds = positive(audio.duration) ?? positive(json.format?.duration);
  if (!durationSeconds) throw new AudioRejectedError('zero_duration', 'the recording has no length');

  return {
    durationSeconds,
    formatName: json.format?.format_name ?? 'unknown',
    bitRate: positive(json.format?.bit_rate) ?? null,
    sizeBytes: size,
    audio: {
      codec: audio.codec_name ?? 'unknown',
      sampleRate: positive(audio.sample_rate) ?? 0,
      channels: audio.channels ?? 0,
      bitRate: positive(audio.bit_rate) ?? null,
      channelLayout: audio.channel_layout ?? null,
      sampleFormat: audio.sample_fmt ?? null,
    },
    hasVideo,
  };
}

function positive(value: string | number | undefined): number | undefined {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

function describeProbeFailure(error: unknown): string {
  if (!(error instanceof FfmpegError)) return 'ffprobe could not read the file';
  if (error.details.stopped) return 'reading the file took too long';
  const text = error.details.stderrTail.join('\n');
  // "[png_pipe @ 0x…] Format not on whitelist": name what it really is.
  const refused = /\[([\w,]+) @ [^\]]*\] Format not on whitelist/.exec(text);
  if (refused)
    return `the file is ${refused[1].replace(/_pipe$/, '')} data, not an accepted audio or video format`;
  return 'the file is not audio that ffmpeg can read';
}
