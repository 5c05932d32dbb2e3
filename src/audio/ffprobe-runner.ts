import { execFile } from 'node:child_process';
import path from 'node:path';
import { acceptedContainers } from './accepted-containers.js';
import { FfmpegError, lastMeaningfulLine, spawnErrorCode } from './ffmpeg-error.js';
import { tailLength } from './ffmpeg-runner.js';
import type { MediaTools } from './resolve-media-tools.js';

/**
 * Runs ffprobe with the same input restrictions and returns its stdout (at most 16 MB: ask for the
 * entries you use with `-show_entries`, since tags alone can be tens of megabytes).
 */
export function runFfprobe(
  tools: MediaTools,
  file: string,
  args: string[],
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<string> {
  const fullArgs = [
    '-v',
    'error',
    '-protocol_whitelist',
    'file',
    '-format_whitelist',
    acceptedContainers.join(','),
    ...args,
    `file:${path.resolve(file)}`,
  ];
  return new Promise((resolve, reject) => {
    execFile(
      tools.ffprobePath,
      fullArgs,
      {
        timeout: options.timeoutMs ?? 30_000,
        killSignal: 'SIGKILL',
        maxBuffer: 16 * 1024 * 1024,
        signal: options.signal,
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        if (!error) {
          resolve(stdout);
          return;
        }
        const tail = stderr.split('\n').filter((l) => l.trim());
        const killed = (error as { killed?: boolean }).killed;
        const stopped = error.name === 'AbortError' ? 'aborted' : killed ? 'timeout' : undefined;
        reject(
          new FfmpegError(`ffprobe failed: ${lastMeaningfulLine(tail) ?? error.message}`, {
            tool: 'ffprobe',
            exitCode: typeof error.code === 'number' ? error.code : null,
            spawnError: spawnErrorCode(error),
            stopped,
            stderrTail: tail.slice(-tailLength),
          }),
        );
      },
    );
  });
}
