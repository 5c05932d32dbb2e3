import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDir, generateTone } from '../../tests/fixtures/generate-audio.js';
import { FfmpegError } from './ffmpeg-error.js';
import { runFfmpeg } from './ffmpeg-runner.js';
import { runFfprobe } from './ffprobe-runner.js';
import { resolveMediaTools } from './resolve-media-tools.js';

const tools = resolveMediaTools();
let dir: string;
let cleanup: () => Promise<void>;
let tone: string;

beforeAll(async () => {
  ({ dir, cleanup } = await fixtureDir());
  tone = await generateTone(tools.ffmpegPath, path.join(dir, 'tone.wav'), { seconds: 3 });
});
afterAll(() => cleanup());

const nullOutput = { target: '-', options: ['-map', '0:a:0', '-f', 'null'] };

/** The FfmpegError a promise rejects with; anything else fails the test. */
async function failure(promise: Promise<unknown>): Promise<FfmpegError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FfmpegError) return error;
    throw error;
  }
  throw new Error('expected an FfmpegError');
}

describe('runFfmpeg', () => {
  it('reports how much was decoded and progress in percent', async () => {
    const progress: number[] = [];
    const result = await runFfmpeg(tools, {
      inputs: [{ path: tone }],
      outputs: [nullOutput],
      durationSeconds: 3,
      onProgress: (p) => progress.push(p),
    });
    expect(result.outTimeSeconds).toBeCloseTo(3, 1);
    expect(progress.at(-1)).toBe(100);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('keeps option values with spaces whole (fluent-ffmpeg would split them)', async () => {
    const out = path.join(dir, 'tagged.mp3');
    await runFfmpeg(tools, {
      inputs: [{ path: tone }],
      outputs: [
        { target: out, options: ['-metadata', 'title=Twee woorden', '-c:a', 'libmp3lame', '-f', 'mp3'] },
      ],
    });
    const json = await runFfprobe(tools, out, ['-print_format', 'json', '-show_format']);
    expect(JSON.parse(json).format.tags.title).toBe('Twee woorden');
  });

  it('kills a command that stops reporting (a FIFO nobody writes to) instead of hanging', async () => {
    const fifo = path.join(dir, 'stalled.wav');
    execFileSync('mkfifo', [fifo]);
    const error = await failure(
      runFfmpeg(tools, { inputs: [{ path: fifo }], outputs: [nullOutput], idleTimeoutMs: 700 }),
    );
    expect(error.details.stopped).toBe('idle');
  });

  it('stops on the absolute timeout and on abort', async () => {
    const endless = path.join(dir, 'endless.wav');
    execFileSync('mkfifo', [endless]);
    const timedOut = await failure(
      runFfmpeg(tools, { inputs: [{ path: endless }], outputs: [nullOutput], timeoutMs: 300 }),
    );
    expect(timedOut.details.stopped).toBe('timeout');

    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const aborted = await failure(
      runFfmpeg(tools, { inputs: [{ path: endless }], outputs: [nullOutput], signal: controller.signal }),
    );
    expect(aborted.details.stopped).toBe('aborted');
  });

  it('turns a failing command into an FfmpegError with the log tail', async () => {
    const error = await failure(
      runFfmpeg(tools, { inputs: [{ path: path.join(dir, 'missing.wav') }], outputs: [nullOutput] }),
    );
    expect(error.details.exitCode).not.toBe(0);
    expect(error.message).toMatch(/No such file/);
  });

  it('reports a missing or unrunnable binary as an error, not a process crash', async () => {
    const { writeFile } = await import('node:fs/promises');
    const notExecutable = path.join(dir, 'not-executable');
    await writeFile(notExecutable, 'no');
    for (const ffmpegPath of [path.join(dir, 'no-ffmpeg'), notExecutable, 'no-such-ffmpeg-on-path']) {
      const error = await failure(
        runFfmpeg({ ...tools, ffmpegPath }, { inputs: [{ path: tone }], outputs: [nullOutput] }),
      );
      expect(error.details.spawnError).toMatch(/ENOENT|EACCES/);
    }
  });

  it('runs commands started together each with its own binary, in parallel', async () => {
    const missing = path.join(dir, 'no-ffmpeg');
    const runs = Array.from({ length: 8 }, (_, i) =>
      runFfmpeg(i % 2 ? { ...tools, ffmpegPath: missing } : tools, {
        inputs: [{ path: tone }],
        outputs: [nullOutput],
      }).then(
        (result) => ({ ok: true, seconds: result.outTimeSeconds }),
        (error: FfmpegError) => ({ ok: false, spawnError: error.details.spawnError }),
      ),
    );
    const results = await Promise.all(runs);
    results.forEach((result, i) => {
      if (i % 2) expect(result).toEqual({ ok: false, spawnError: 'ENOENT' });
      else expect(result).toMatchObject({ ok: true, seconds: expect.closeTo(3, 1) });
    });
  });

  it('feeds a stream to stdin and hands stdout to a Writable', async () => {
    const { createReadStream } = await import('node:fs');
    const { Writable } = await import('node:stream');
    let bytes = 0;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        callback();
      },
    });
    await runFfmpeg(tools, {
      inputs: [{ path: createReadStream(tone), options: ['-f', 'wav'], formats: ['wav'] }],
      outputs: [
        {
          target: sink,
          options: ['-map', '0:a:0', '-ac', '1', '-ar', '8000', '-c:a', 'pcm_s16le', '-f', 's16le'],
        },
      ],
    });
    expect(bytes).toBe(3 * 8000 * 2);
  });
});

describe('runFfprobe', () => {
  it('refuses containers that open other files (an HLS playlist named .mp3)', async () => {
    const { writeFile } = await import('node:fs/promises');
    const playlist = path.join(dir, 'playlist.mp3');
    await writeFile(playlist, `#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\n${tone}\n#EXT-X-ENDLIST\n`);
    const error = await failure(runFfprobe(tools, playlist, ['-show_format']));
    expect(error.details.stderrTail.join('\n')).toMatch(/not on whitelist/);
  });
});
