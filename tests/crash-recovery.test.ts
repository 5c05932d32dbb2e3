import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/common/logger.js';
import { createContainer } from '../src/container.js';
import { createDb } from '../src/db/create-db.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createFsStore } from '../src/storage/fs-store.js';
import { createTusDatastore } from '../src/uploads/create-tus-datastore.js';
import { makeAudio } from './helpers/make-audio.js';
import { minimalShow } from './helpers/test-app.js';

const root = path.resolve(import.meta.dirname, '..');

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a worker killed with SIGKILL mid-processing', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zender-crash-'));
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  function startWorker(): ChildProcess {
    // `node --import tsx` keeps it one process, so SIGKILL hits the worker itself.
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/worker-main.ts')], {
      cwd: root,
      env: {
        ...process.env,
        DATA_DIR: path.join(dir, 'data'),
        MEDIA_DIR: path.join(dir, 'media'),
        FEEDS_DIR: path.join(dir, 'feeds'),
        TMPDIR: path.join(dir, 'tmp'),
        JOB_LEASE_SECONDS: '2',
        BASE_URL: 'http://zender.test', // vitest sets BASE_URL=/ for its own use
        LOG_LEVEL: process.env.CRASH_LOG ?? 'silent',
        DATABASE_URL: '',
      },
      stdio: process.env.CRASH_LOG ? 'inherit' : 'ignore',
    });
    children.push(child);
    return child;
  }

  it('is taken over after its lease and ends processed exactly once, with no orphaned files', async () => {
    mkdirSync(path.join(dir, 'tmp'), { recursive: true });
    const db = createDb({ kind: 'sqlite', file: path.join(dir, 'data', 'zender.sqlite') });
    await migrateToLatest(db.kysely);
    const store = createFsStore({ root: path.join(dir, 'media') });
    const api = createContainer({
      db,
      store,
      tusDatastore: await createTusDatastore({
        driver: 'fs',
        dir: path.join(dir, 'uploads'),
        expiryHours: 1,
      }),
      logger: createLogger({ level: 'silent' }),
      clock: { now: () => new Date() },
      baseUrl: 'http://zender.test',
      feedsDir: path.join(dir, 'feeds'),
      limits: { maxUploadBytes: 1024 ** 3, maxDurationSeconds: 3600 },
      loudnessTargetLufs: -16,
      media: {},
    });
    const { token } = await api.tokens.create('test', 'admin');
    const call = (
      method: string,
      url: string,
      init: { json?: unknown; body?: BodyInit; type?: string } = {},
    ) =>
      api.app.request(`http://zender.test${url}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': init.json ? 'application/json' : (init.type ?? ''),
        },
        body: init.json ? JSON.stringify(init.json) : init.body,
      });
    const show = await (await call('POST', '/api/v1/shows', { json: minimalShow })).json();
    const episode = await (
      await call('POST', `/api/v1/shows/${show.id}/episodes`, { json: { title: 'Lang gesprek' } })
    ).json();
    const wav = readFileSync(makeAudio('long.wav', { seconds: 150 }));
    const { jobId } = await (
      await call('PUT', `/api/v1/episodes/${episode.id}/audio`, {
        body: new Uint8Array(wav),
        type: 'audio/wav',
      })
    ).json();

    const first = startWorker();
    await waitFor('the first worker to be encoding', async () => {
      const job = await db.kysely
        .selectFrom('jobs')
        .select(['status', 'step'])
        .where('id', '=', jobId)
        .executeTakeFirst();
      return job?.status === 'running' && (job.step === 'encode' || job.step === 'analyse')
        ? true
        : undefined;
    });
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));

    startWorker();
    // Done, not just ready: the worker marks the job done after the episode update.
    const job = await waitFor('the job to finish', async () => {
      const row = await db.kysely.selectFrom('jobs').selectAll().where('id', '=', jobId).executeTakeFirst();
      return row?.status === 'done' || row?.status === 'failed' ? row : undefined;
    });
    expect(job.status).toBe('done');
    const ready = await db.kysely
      .selectFrom('episodes')
      .selectAll()
      .where('id', '=', episode.id)
      .executeTakeFirstOrThrow();
    expect(ready.status).toBe('ready');
    expect(job.attempts).toBe(2);

    const recorded = await db.kysely
      .selectFrom('media_files')
      .select(['key', 'role'])
      .where('episode_id', '=', episode.id)
      .execute();
    expect(recorded.map((f) => f.role).sort()).toEqual(['delivery', 'original', 'peaks']);
    // Exactly the recorded files exist: nothing from the killed attempt, no half-written temp file.
    const onDisk = listFiles(path.join(dir, 'media')).filter((f) => !f.startsWith('.tmp/'));
    expect(onDisk.sort()).toEqual(recorded.map((f) => f.key).sort());
    expect(listFiles(path.join(dir, 'media', '.tmp'))).toEqual([]);
    expect(readdirSync(path.join(dir, 'tmp')).filter((name) => name.startsWith('zender-job-'))).toEqual([]);
    expect(JSON.parse(ready.audio!).key).toContain(jobId);
    await db.kysely.destroy();
  }, 180_000);
});
