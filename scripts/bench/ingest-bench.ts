import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { line, ratio } from './load.js';

const root = path.resolve(import.meta.dirname, '../..');
const MiB = 1024 * 1024;

function zeros(bytes: number): Readable {
  const chunk = Buffer.alloc(256 * 1024);
  let left = bytes;
  return new Readable({
    read() {
      if (left <= 0) return void this.push(null);
      const size = Math.min(chunk.length, left);
      left -= size;
      this.push(size === chunk.length ? chunk : chunk.subarray(0, size));
    },
  });
}

/** PUTs `bytes` to a loopback URL; resolves with seconds taken. */
function upload(url: string, bytes: number, headers: Record<string, string> = {}): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'PUT',
        headers: { 'content-length': String(bytes), 'content-type': 'audio/wav', ...headers },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode && res.statusCode < 300
            ? resolve((performance.now() - started) / 1000)
            : reject(new Error(`HTTP ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    zeros(bytes).pipe(req);
  });
}

function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

async function startZender(dir: string, port: number): Promise<ChildProcess> {
  // As `npm start` runs it in production: compiled JavaScript, no runtime transpiler.
  const child = spawn(process.execPath, [path.join(root, 'dist/src/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      BASE_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: path.join(dir, 'data'),
      MEDIA_DIR: path.join(dir, 'media'),
      FEEDS_DIR: path.join(dir, 'feeds'),
      ADMIN_TOKEN: 'bench-admin-token-0123456789abcdef',
      EMBEDDED_WORKER: 'false', // measure the upload path alone
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      STORAGE: 'fs',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('zender did not start');
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function zenderUpload(bytes: number): Promise<{ seconds: number; peakMiB: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zender-bench-ingest-'));
  const port = await freePort();
  const child = await startZender(dir, port);
  try {
    const auth = {
      authorization: 'Bearer bench-admin-token-0123456789abcdef',
      'content-type': 'application/json',
    };
    const base = `http://127.0.0.1:${port}/api/v1`;
    const show = await (
      await fetch(`${base}/shows`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({
          title: 'Bench',
          description: 'b',
          author: 'b',
          owner: { email: 'b@example.nl' },
        }),
      })
    ).json();
    const episode = await (
      await fetch(`${base}/shows/${show.id}/episodes`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ title: 'Bench' }),
      })
    ).json();
    const seconds = await upload(`${base}/episodes/${episode.id}/audio`, bytes, {
      authorization: auth.authorization,
    });
    return { seconds, peakMiB: peakRssMiB(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts scripts/bench/bare-upload-server.mjs and resolves with the port it listens on. */
async function startBare(dir: string, durable: boolean): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, 'bare-upload-server.mjs')], {
    env: { ...process.env, DIR: dir, BARE_DURABLE: durable ? '1' : '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [first] = (await once(child.stdout!, 'data')) as [Buffer];
  return { child, port: Number(first.toString().trim()) };
}

/** The baseline: a bare node:http handler in its own process, piping the request body to a file. */
async function bareUpload(bytes: number, durable = false): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zender-bench-bare-'));
  const { child, port } = await startBare(dir, durable);
  try {
    return await upload(`http://127.0.0.1:${port}/`, bytes);
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Peak server memory for a 50 MB and a 1 GiB upload, and upload throughput against bare node:http:
 * first a plain pipe to disk (the goal), then a bare handler that also hashes and fsyncs as zender
 * must, which shows how much of the gap is that work rather than zender.
 */
export async function ingestBench(): Promise<void> {
  // The server runs from dist/ as `npm start` runs it; build it from the current sources first.
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  const small = await zenderUpload(50 * MiB);
  const large = await zenderUpload(1024 * MiB);
  line(
    'ingest peak RSS: 1 GiB upload vs 50 MB upload',
    `${large.peakMiB.toFixed(0)} MiB`,
    `${small.peakMiB.toFixed(0)} MiB`,
    ratio(large.peakMiB, small.peakMiB),
    '~1.0 (flat), < 150 MiB',
  );
  const ourRate = 1024 / large.seconds;
  const bareRate = 1024 / (await bareUpload(1024 * MiB));
  line(
    'ingest throughput, 1 GiB (PUT)',
    `${ourRate.toFixed(0)} MiB/s`,
    `${bareRate.toFixed(0)} MiB/s`,
    ratio(ourRate, bareRate),
    '>= 0.8',
  );
  const durableRate = 1024 / (await bareUpload(1024 * MiB, true));
  line(
    '  same, vs bare + sha256 + fsync',
    `${ourRate.toFixed(0)} MiB/s`,
    `${durableRate.toFixed(0)} MiB/s`,
    ratio(ourRate, durableRate),
    '(context)',
  );
}
