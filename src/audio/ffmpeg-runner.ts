import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import ffmpeg from 'fluent-ffmpeg';
import { acceptedContainers } from './accepted-containers.js';
import { FfmpegError, lastMeaningfulLine, spawnErrorCode } from './ffmpeg-error.js';
import type { MediaTools } from './resolve-media-tools.js';

/**
 * The one file that starts ffmpeg (ffprobe-runner.ts starts ffprobe), and the only importer of
 * fluent-ffmpeg (archived upstream): swapping it for a direct spawn touches nothing else. Callers describe inputs, an
 * optional filter graph and outputs as plain argument lists; this file adds the safety options,
 * progress, timeouts and cancellation.
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
  /** Options placed before this output; always pairs, see `checkOptions`. */
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

// fluent-ffmpeg keeps the binary path in a module-wide cache that it reads asynchronously while a
// command starts, so two commands with different binaries starting together could swap binaries.
// Starts are serialised until the process is spawned (a few milliseconds); running stays parallel.
let startGate: Promise<void> = Promise.resolve();

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
  for (const input of task.inputs) checkOptions(input.options ?? []);
  for (const output of task.outputs) checkOptions(output.options);
  if (task.signal?.aborted) throw abortError([], 0);

  const previousStart = startGate;
  let openGate = () => {};
  startGate = new Promise((resolve) => {
    openGate = resolve;
  });
  await previousStart;

  return new Promise<FfmpegResult>((resolve, reject) => {
    const tail: string[] = [];
    let outTimeSeconds = 0;
    let lastPercent = -1;
    let settled = false;
    let idleTimer: NodeJS.Timeout | undefined;
    let absoluteTimer: NodeJS.Timeout | undefined;

    const command = ffmpeg();
    command.setFfmpegPath(tools.ffmpegPath);
    guardSpawnErrors(command);
    const global = [
      '-hide_banner',
      '-nostdin',
      '-nostats',
      '-progress',
      'pipe:2',
      '-v',
      task.logLevel ?? 'info',
    ];
    task.inputs.forEach((input, index) => {
      const piped = typeof input.path !== 'string';
      command.input(typeof input.path === 'string' ? `file:${path.resolve(input.path)}` : input.path);
      const formats = (input.formats ?? acceptedContainers).join(',');
      const options = [
        ...(index === 0 ? global : []),
        '-protocol_whitelist',
        piped ? 'pipe' : 'file',
        '-format_whitelist',
        formats,
        ...(input.options ?? []),
      ];
      // Spread, never an array: given one array, fluent-ffmpeg splits any value holding exactly one
      // space in two ("title=Two words" would become two arguments).
      command.inputOptions(...options);
    });
    if (task.filterComplex) command.complexFilter(task.filterComplex);
    for (const output of task.outputs) {
      command.output(output.target);
      command.outputOptions(...output.options);
    }

    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(idleTimer);
      clearTimeout(absoluteTimer);
      task.signal?.removeEventListener('abort', onAbort);
      openGate();
      if (error) {
        reject(error);
        return;
      }
      // A Writable output may still be digesting ffmpeg's last bytes; wait until it has.
      const streams = task.outputs.map((o) => o.target).filter((t): t is Writable => typeof t !== 'string');
      Promise.all(streams.map((s) => (s.writableFinished ? undefined : finished(s))))
        .then(() => resolve({ outTimeSeconds, stderrTail: tail }))
        .catch(reject);
    };
    const stop = (reason: 'timeout' | 'idle' | 'aborted') => {
      if (settled) return;
      command.kill('SIGKILL');
      const error =
        reason === 'aborted'
          ? abortError(tail, outTimeSeconds)
          : new FfmpegError(`ffmpeg stopped: ${reason === 'idle' ? 'no progress' : 'took too long'}`, {
              tool: 'ffmpeg',
              stopped: reason,
              stderrTail: tail,
              outTimeSeconds,
            });
      finish(error);
    };
    const onAbort = () => stop('aborted');
    const idleMs = task.idleTimeoutMs ?? 60_000;
    const touch = () => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => stop('idle'), idleMs);
    };

    command.on('start', () => {
      openGate();
      // Stopped while fluent-ffmpeg was still preparing: its kill() found no process then.
      if (settled) command.kill('SIGKILL');
      else touch();
    });
    command.on('stderr', (line: string) => {
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
    });
    command.on('error', (error: Error) => {
      const exitCode = /exited with code (\d+)/.exec(error.message);
      const spawnError = spawnErrorCode(error);
      finish(
        new FfmpegError(
          `ffmpeg failed: ${spawnError ? error.message : (lastMeaningfulLine(tail) ?? error.message)}`,
          {
            tool: 'ffmpeg',
            exitCode: exitCode ? Number(exitCode[1]) : null,
            spawnError,
            stderrTail: tail,
            outTimeSeconds,
          },
        ),
      );
    });
    command.on('end', () => {
      if (task.onProgress && lastPercent < 100) task.onProgress(100);
      finish(null);
    });

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
    command.run();
  });
}

type SpawnEnd = (error: Error | null, stdout?: unknown, stderr?: unknown) => void;
type Spawner = (args: string[], options: object, processCB: unknown, endCB: SpawnEnd) => void;
const emptyRing = { get: () => '' };

/**
 * fluent-ffmpeg 2.1.3 (archived, so this will not move) crashes the whole process when spawning
 * fails (ENOENT for a wrong FFMPEG_PATH, EACCES, EAGAIN under load): it reads its log buffers,
 * which do not exist yet, inside the child's 'error' handler. Handing it empty buffers turns that
 * into the ordinary 'error' event.
 */
function guardSpawnErrors(command: ffmpeg.FfmpegCommand) {
  const target = command as unknown as { _spawnFfmpeg: Spawner };
  const spawn = target._spawnFfmpeg;
  target._spawnFfmpeg = function (this: unknown, args, options, processCB, endCB) {
    // Called with three arguments for its own capability checks; only run() passes four.
    if (typeof endCB !== 'function') return spawn.call(this, args, options, processCB, endCB);
    return spawn.call(this, args, options, processCB, (error, stdout, stderr) =>
      endCB(error, stdout ?? emptyRing, stderr ?? emptyRing),
    );
  };
}

function abortError(tail: string[], outTimeSeconds: number) {
  return new FfmpegError('ffmpeg cancelled', {
    tool: 'ffmpeg',
    stopped: 'aborted',
    stderrTail: tail,
    outTimeSeconds,
  });
}

// Options come in flag/value pairs or lone flags; a list of exactly one item would be split on its
// space by fluent-ffmpeg, so refuse it rather than run a mangled command.
function checkOptions(options: string[]) {
  if (options.length === 1 && options[0].includes(' ')) {
    throw new TypeError(`ffmpeg option "${options[0]}" must be given as separate arguments`);
  }
}
