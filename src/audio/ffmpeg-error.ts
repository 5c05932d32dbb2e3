/**
 * ffmpeg or ffprobe failed, was stopped by a timeout, or was cancelled. Kept apart from
 * AudioRejectedError: this one says the tool failed, which may or may not be the file's fault;
 * the caller decides.
 */
export class FfmpegError extends Error {
  override readonly name = 'FfmpegError';

  constructor(
    message: string,
    readonly details: {
      tool: 'ffmpeg' | 'ffprobe';
      /** Process exit code, when it exited on its own. */
      exitCode?: number | null;
      /** The tool could not be started at all (ENOENT, EACCES…): not the file's fault. */
      spawnError?: string;
      /** 'timeout' (absolute), 'idle' (no output for too long) or 'aborted' (the caller's signal). */
      stopped?: 'timeout' | 'idle' | 'aborted';
      /** Last log lines, for the job's error record. */
      stderrTail: string[];
      /** How much audio was written before it stopped, in seconds (ffmpeg only). */
      outTimeSeconds?: number;
    },
  ) {
    super(message);
  }
}

export function spawnErrorCode(error: Error): string | undefined {
  const { code, syscall } = error as { code?: unknown; syscall?: unknown };
  return typeof code === 'string' && typeof syscall === 'string' && syscall.startsWith('spawn')
    ? code
    : undefined;
}

// ffmpeg's closing lines say nothing about what went wrong: the size and time summary, the
// per-stream byte counts and the last words.
const summaryLine = /^(Conversion failed|size=|video:\S+ audio:|\[out#|\[aost#)/;

/** The last line of ffmpeg's log that explains a failure (not its closing summary). */
export function lastMeaningfulLine(lines: string[]): string | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i].trim();
    if (line && !summaryLine.test(line)) return line;
  }
  return undefined;
}

/**
 * ffmpeg ran and gave up on its own with an error exit (it exits 69 when most of the packets fail
 * to decode, 1 on a broken stream): the data it was given is at fault. Not a tool that could not
 * start, was killed (out of memory: no exit code) or was stopped by us; those may pass on a retry.
 */
export function isDataFailure(error: unknown): error is FfmpegError {
  return (
    error instanceof FfmpegError &&
    typeof error.details.exitCode === 'number' &&
    error.details.exitCode !== 0 &&
    !error.details.spawnError &&
    !error.details.stopped
  );
}
