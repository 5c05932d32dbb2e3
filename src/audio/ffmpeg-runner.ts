import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { acceptedContainers } from './accepted-containers.js';
import { FfmpegError, lastMeaningfulLine, spawnErrorCode } from './ffmpeg-error.js';
import type { MediaTools } from './resolve-media-tools.js';

/**
 * The one file that starts ffmpeg (ffprobe-runner.ts starts ffprobe). Callers describe inputs, an
 * optional filter graph and outputs as plain argument lists; this file adds the safety options,
 * progress, timeouts and cancellation.
 *
 * It spawns ffmpeg itself rather than through fluent-ffmpeg (archived upstream), which cannot do
 * three things this needs through its public API: it crashes the whole process when spawning
 * fails (ENOENT for a wrong FFMPEG_PATH, EACCES, EAGAIN under load: it reads log buffers that do
 * not exist yet), it keeps the binary path in a module-wide cache read asynchronously while a
 * command starts (two commands with different binaries could swap them), and it splits an option
 * value holding one space in two. What it added on top of a spawn (argument order, stdio pipes,
 * line splitting) is the few lines below.
 */

export interface FfmpegInput {
  /**
   * A local file path (relative paths are resolved against the working directory), or a stream
   * fed to ffmpeg's stdin (one input at most; say its format in `options`, e.g. `-f f32le`).
   */
  path: string | Readable;
  /** Options placed before this `-i` (e.g. `-ss`, `-t`). */
  options?: string[];
  /** Demuxers allowed for this input (`-format_whitelist`); the audio/video containers by default. */
  formats?: readonly string[];
}

export interface FfmpegOutput {
  /** A file path, `-` (with `-f null`), or a Writable that receives ffmpeg's stdout. */
  target: string | Writable;
  /** Options placed before this output. */
  options: string[];
}

export interface FfmpegTask {
  inputs: FfmpegInput[];
  filterComplex?: string;
  outputs: FfmpegOutput[];
  /** ffmpeg's log level: ebur128, loudnorm and silencedetect report at `info`. */
  logLevel?: 'error' | 'warning' | 'info';
  /** Expected output length, so progress can be given in percent. */
  durationSeconds?: number;
  onProgress?: (percent: number) => void;
  /** Every log line (progress lines excluded), for parsers of filter output. */
  onStderrLine?: (line: string) => void;
  /** Kill after this long, whatever happens. Default: no absolute limit. */
  timeoutMs?: number;
  /** Kill when ffmpeg reports nothing for this long: it reports twice a second while working. */
  idleTimeoutMs?: number;
  signal?: AbortSignal;
}

export interface FfmpegResult {
  /** Position of the output when ffmpeg finished: what was actually decoded, in seconds. */
  outTimeSeconds: number;
  stderrTail: string[];
}

export const tailLength = 40;
const progressLine = /^([a-z0-9_]+)=(.*)$/;

/**
 * Runs one ffmpeg command and resolves when it exits cleanly; rejects with FfmpegError otherwise.
 *
 * @example
 * await runFfmpeg(tools, {
 *   inputs: [{ path: 'in.wav' }],
 *   outputs: [{ target: '-', options: ['-map', '0:a:0', '-f', 'null'] }],
 * });
 */
export async function runFfmpeg(tools: MediaTools, task: FfmpegTask): Promise<FfmpegResult> {
  if (task.signal?.aborted) throw abortError([], 0);
  const { args, stdin, stdout } = commandLine(task);

  return new Promise<FfmpegResult>((resolve, reject) => {
    const tail: string[] = [];
    let outTimeSeconds = 0;
    let lastPercent = -1;
    let settled = false;
    let idleTimer: NodeJS.Timeout | undefined;
    let absoluteTimer: NodeJS.Timeout | undefined;

    const child = spawn(tools.ffmpegPath, args, {
      stdio: [stdin ? 'pipe' : 'ignore', stdout ? 'pipe' : 'ignore', 'pipe'],
      windowsHide: true,
    });

    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(idleTimer);
      clearTimeout(absoluteTimer);
      task.signal?.removeEventListener('abort', onAbort);
      if (error) {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        stdin?.unpipe();
        reject(error);
        return;
      }
      // A Writable output may still be digesting ffmpeg's last bytes; wait until it has.
      Promise.resolve(stdout && !stdout.writableFinished ? finished(stdout) : undefined)
        .then(() => resolve({ outTimeSeconds, stderrTail: tail }))
        .catch(reject);
    };
    const stop = (reason: 'timeout' | 'idle' | 'aborted') => {
      finish(
        reason === 'aborted'
          ? abortError(tail, outTimeSeconds)
          : new FfmpegError(`ffmpeg stopped: ${reason === 'idle' ? 'no progress' : 'took too long'}`, {
              tool: 'ffmpeg',
              stopped: reason,
              stderrTail: tail,
              outTimeSeconds,
            }),
      );
    };
    const onAbort = () => stop('aborted');
    const idleMs = task.idleTimeoutMs ?? 60_000;
    const touch = () => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => stop('idle'), idleMs);
    };
    const failed = (message: string, details: { exitCode?: number | null; spawnError?: string }) =>
      finish(new FfmpegError(message, { tool: 'ffmpeg', stderrTail: tail, outTimeSeconds, ...details }));

    child.on('error', (error) => {
      const spawnError = spawnErrorCode(error);
      failed(`ffmpeg failed: ${error.message}`, { spawnError, exitCode: null });
    });
    if (stdin && child.stdin) {
      // ffmpeg may exit before reading all of its input (an error, or it has what it needs): the
      // broken pipe that follows says nothing more than its exit code does.
      child.stdin.on('error', () => {});
      stdin.on('error', (error) => failed(`ffmpeg input failed: ${error.message}`, {}));
      stdin.pipe(child.stdin);
    }
    if (stdout && child.stdout) {
      stdout.on('error', (error) => failed(`ffmpeg output failed: ${error.message}`, {}));
      child.stdout.pipe(stdout);
    }
    let partial = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      const lines = (partial + chunk).split(/\r\n|\r|\n/);
      partial = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    });
    child.on('close', (code, signalName) => {
      if (partial) onLine(partial);
      partial = '';
      if (code === 0) {
        if (task.onProgress && lastPercent < 100) task.onProgress(100);
        finish(null);
        return;
      }
      failed(`ffmpeg failed: ${lastMeaningfulLine(tail) ?? `exited with ${code ?? signalName}`}`, {
        exitCode: code,
      });
    });

    function onLine(line: string) {
      touch();
      const match = progressLine.exec(line);
      if (match) {
        // out_time_us is microseconds ("N/A" before the first packet); so is out_time_ms, an old
        // misnomer kept by ffmpeg.
        if (match[1] === 'out_time_us' || match[1] === 'out_time_ms') {
          const micros = Number(match[2]);
          if (Number.isFinite(micros) && micros >= 0) outTimeSeconds = micros / 1e6;
          reportProgress();
        }
        return;
      }
      if (!line.trim()) return;
      tail.push(line);
      if (tail.length > tailLength) tail.shift();
      task.onStderrLine?.(line);
    }

    function reportProgress() {
      if (!task.onProgress || !task.durationSeconds || task.durationSeconds <= 0) return;
      const percent = Math.min(99, Math.floor((outTimeSeconds / task.durationSeconds) * 100));
      if (percent > lastPercent) {
        lastPercent = percent;
        task.onProgress(percent);
      }
    }

    task.signal?.addEventListener('abort', onAbort, { once: true });
    if (task.timeoutMs) absoluteTimer = setTimeout(() => stop('timeout'), task.timeoutMs);
    touch();
  });
}

/**
 * The argument list, in ffmpeg's order: global options, then each input's options and `-i`, the
 * filter graph, then each output's options and target. One piped input (stdin) and one piped
 * output (stdout) at most.
 */
function commandLine(task: FfmpegTask): { args: string[]; stdin?: Readable; stdout?: Writable } {
  const args = [
    '-hide_banner',
    '-nostdin',
    '-nostats',
    '-y',
    '-progress',
    'pipe:2',
    '-v',
    task.logLevel ?? 'info',
  ];
  let stdin: Readable | undefined;
  let stdout: Writable | undefined;
  for (const input of task.inputs) {
    const piped = typeof input.path !== 'string';
    if (typeof input.path !== 'string') {
      if (stdin) throw new TypeError('ffmpeg takes one piped input at most');
      stdin = input.path;
    }
    args.push(
      '-protocol_whitelist',
      piped ? 'pipe' : 'file',
      '-format_whitelist',
      (input.formats ?? acceptedContainers).join(','),
      ...(input.options ?? []),
      '-i',
      typeof input.path === 'string' ? `file:${path.resolve(input.path)}` : 'pipe:0',
    );
  }
  if (task.filterComplex) args.push('-filter_complex', task.filterComplex);
  for (const output of task.outputs) {
    args.push(...output.options);
    if (typeof output.target === 'string') {
      args.push(output.target);
    } else {
      if (stdout) throw new TypeError('ffmpeg writes one piped output at most');
      stdout = output.target;
      args.push('pipe:1');
    }
  }
  return { args, stdin, stdout };
}

function abortError(tail: string[], outTimeSeconds: number) {
  return new FfmpegError('ffmpeg cancelled', {
    tool: 'ffmpeg',
    stopped: 'aborted',
    stderrTail: tail,
    outTimeSeconds,
  });
}
