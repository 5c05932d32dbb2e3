/**
 * Why a recording was refused. Stable codes: the domain stores them as the episode's failure
 * reason and the HTTP layer turns them into sentences, so never rename one.
 */
export type AudioRejectionReason =
  | 'no_audio_stream'
  | 'undecodable'
  | 'zero_duration'
  | 'too_long'
  | 'truncated';

/**
 * The recording itself is unusable; retrying cannot help. `message` is English detail for logs,
 * `reason` is what callers branch on.
 */
export class AudioRejectedError extends Error {
  override readonly name = 'AudioRejectedError';

  constructor(
    readonly reason: AudioRejectionReason,
    message: string = reason,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
