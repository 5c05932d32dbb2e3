import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  createReadStream,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveMediaTools } from '../src/audio/resolve-media-tools.js';
import { createLogger } from '../src/common/logger.js';
import { createContainer } from '../src/container.js';
import { createDb, type Db } from '../src/db/create-db.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createFsStore } from '../src/storage/fs-store.js';
import { createTusDatastore } from '../src/uploads/create-tus-datastore.js';
import { makeAudio } from './helpers/make-audio.js';
import { minimalShow } from './helpers/test-app.js';

/*
 * Three worker processes share one queue while they are killed (SIGKILL), frozen past their lease
 * (SIGSTOP, then SIGCONT) and, on PostgreSQL, cut off from the database (pg_terminate_backend).
 * Every job must still be done exactly once, every processed file be intact and recorded once,
 * and no worker die of anything but our SIGKILL.
 */

const root = path.resolve(import.meta.dirname, '..');
const tools = resolveMediaTools();
const shortJobs = 200;
const ffmpegJobs = 3;
const leaseMs = 3000;
const chaosMs = 16_000;
const appName = `zender-chaos-${randomBytes(3).toString('hex')}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)];

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}

interface Target {
  name: 'sqlite' | 'postgres';
  open(dir: string): Promise<{ db: Db; env: Record<string, string>; drop(): Promise<void> }>;
}

const targets: Target[] = [
  {
    name: 'sqlite',
    async open(dir) {
      const file = path.join(dir, 'zender.sqlite');
      const db = createDb({ kind: 'sqlite', file });
      await migrateToLatest(db.kysely);
      return { db, env: { CHAOS_DB: file }, drop: async () => {} };
    },
  },
];
const url = process.env.TEST_DATABASE_URL;
if (url) {
  targets.push({
    name: 'postgres',
    async open() {
      const schema = `chaos_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
      const db = createDb({ kind: 'postgres', url, schema });
      await migrateToLatest(db.kysely, { schema });
      return {
        db,
        env: { CHAOS_DB: url, CHAOS_SCHEMA: schema },
        async drop() {
          const cleanup = new pg.Client({ connectionString: url });
          await cleanup.connect();
          await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
          await cleanup.end();
        },
      };
    },
  });
}

describe.each(targets)('job queue under chaos on $name', (target) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zender-chaos-'));
  const children = new Set<ChildProcess>();
  afterAll(() => {
    for (const child of children) {
      child.kill('SIGCONT');
      child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('does every job exactly once through kills, freezes and lost connections', async () => {
    const mediaDir = path.join(dir, 'media');
    const tmpDir = path.join(dir, 'tmp');
    mkdirSync(tmpDir, { recursive: true });
    const { db, env, drop } = await target.open(dir);
    const kysely = db.kysely;
    await sql`create table chaos_effects (job_id text not null, pid integer not null)`.execute(kysely);

    // Episodes with an upload each, queued for processing by the real ingest.
    const api = createContainer({
      db,
      store: createFsStore({ root: mediaDir }),
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
    const show = await api.shows.create(minimalShow);
    const episodeIds: string[] = [];
    for (let i = 0; i < ffmpegJobs; i++) {
      const episode = await api.episodes.create(show.id, { title: `Aflevering ${i}` });
      const source = makeAudio(`chaos-${i}.wav`, { seconds: 6, volumeDb: i === 0 ? -3 : -24 });
      await api.ingest.acceptStream(episode.id, createReadStream(source), {
        contentType: 'audio/wav',
        filename: `chaos-${i}.wav`,
      });
      episodeIds.push(episode.id);
    }

    const exits: { pid: number; code: number | null; signal: string | null; stderr: string }[] = [];
    const killed = new Set<number>();
    const stopped = new Set<ChildProcess>();
    const ready = new Set<ChildProcess>();
    const startWorker = () => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.join(root, 'tests/helpers/chaos-worker.ts')],
        {
          cwd: root,
          env: {
            ...process.env,
            ...env,
            CHAOS_MEDIA_DIR: mediaDir,
            CHAOS_TMP_DIR: tmpDir,
            CHAOS_LEASE_MS: String(leaseMs),
            PGAPPNAME: appName,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      child.stdout?.on('data', () => {
        if (ready.has(child)) return;
        ready.add(child);
        child.emit('ready');
      });
      let stderr = '';
      child.stderr?.on('data', (chunk) => {
        stderr += chunk;
      });
      children.add(child);
      child.once('exit', (code, signal) => {
        children.delete(child);
        stopped.delete(child);
        exits.push({ pid: child.pid ?? 0, code, signal, stderr });
      });
      return child;
    };
    // Resolves once a worker listens for SIGTERM (it said ready), or is gone.
    const readyOrGone = (child: ChildProcess) =>
      new Promise<void>((resolve) => {
        if (ready.has(child) || child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('ready', resolve);
        child.once('exit', () => resolve());
      });
    const workers = [startWorker(), startWorker(), startWorker()];
    await Promise.all(workers.map(readyOrGone));

    // Spread over the chaos, so kills and freezes find short jobs in every state.
    const start = Date.now() + 500;
    for (let i = 0; i < shortJobs; i++) {
      await api.queue.enqueue(
        'cleanup-uploads',
        {},
        { runAt: new Date(start + (i * chaosMs * 0.8) / shortJobs) },
      );
    }
    // Chaos may hit one job many times; what is under test is exactly once, not the retry limit.
    await kysely.updateTable('jobs').set({ max_attempts: 1000 }).execute();

    const counts = { kills: 0, freezes: 0, terminated: 0 };
    const frozen: Promise<void>[] = [];
    const chaosEnds = Date.now() + chaosMs;
    let step = Math.floor(Math.random() * 3);
    while (Date.now() < chaosEnds) {
      await sleep(800 + Math.random() * 1000);
      const actions = target.name === 'postgres' ? ['kill', 'freeze', 'cut'] : ['kill', 'freeze'];
      const action = actions[step++ % actions.length];
      // Only workers at work: one still starting up has nothing to lose yet.
      const live = workers.filter((w) => ready.has(w) && w.exitCode === null && !stopped.has(w));
      if (action === 'kill' && live.length) {
        const victim = pick(live);
        killed.add(victim.pid ?? 0);
        victim.kill('SIGKILL');
        counts.kills++;
        workers[workers.indexOf(victim)] = startWorker();
      } else if (action === 'freeze' && live.length) {
        const victim = pick(live);
        stopped.add(victim);
        victim.kill('SIGSTOP');
        counts.freezes++;
        // Past its lease: its jobs go to the others meanwhile, and it wakes up holding nothing.
        frozen.push(
          sleep(leaseMs + 300 + Math.random() * 1200).then(() => {
            stopped.delete(victim);
            victim.kill('SIGCONT');
          }),
        );
      } else if (action === 'cut') {
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        const { rowCount } = await admin.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1',
          [appName],
        );
        await admin.end();
        counts.terminated += rowCount ?? 0;
      }
    }
    await Promise.all(frozen);

    const deadline = Date.now() + 50_000;
    for (;;) {
      const open = await kysely
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', 'in', ['queued', 'running'])
        .executeTakeFirstOrThrow();
      if (Number(open.n) === 0) break;
      if (Date.now() > deadline) {
        const stuck = await kysely
          .selectFrom('jobs')
          .selectAll()
          .where('status', 'in', ['queued', 'running'])
          .execute();
        throw new Error(`${open.n} jobs still open after the chaos: ${JSON.stringify(stuck.slice(0, 3))}`);
      }
      await sleep(200);
    }
    const last = [...children];
    const ended = last.map((child) => new Promise((resolve) => child.once('exit', resolve)));
    // A worker started to replace a killed one may still be loading; a SIGTERM before it listens
    // for one would end it by Node's default, which the check below would count as a death.
    await Promise.all(last.map(readyOrGone));
    for (const child of last) child.kill('SIGTERM');
    await Promise.all(ended);

    // The chaos happened.
    expect(counts.kills).toBeGreaterThanOrEqual(2);
    expect(counts.freezes).toBeGreaterThanOrEqual(2);
    if (target.name === 'postgres') expect(counts.terminated).toBeGreaterThanOrEqual(2);
    const jobs = await kysely
      .selectFrom('jobs')
      .select(['id', 'kind', 'status', 'attempts', 'errors'])
      .execute();
    const retried = jobs.filter((j) => j.attempts > 1).length;
    if (process.env.CHAOS_TRACE) console.log(target.name, counts, { retried, exits: exits.length });
    expect(retried).toBeGreaterThan(0); // some jobs were taken over

    // No worker died of anything but our SIGKILL (an unhandled rejection exits 70, a crash 1).
    const deaths = exits.filter((e) => !(e.signal === 'SIGKILL' && killed.has(e.pid)) && e.code !== 0);
    expect(deaths).toEqual([]);

    // Every job done, none failed; every short job's effect recorded exactly once.
    expect(jobs.filter((j) => j.status !== 'done')).toEqual([]);
    const effects = await sql<{ job_id: string; n: number }>`
      select job_id, count(*) as n from chaos_effects group by job_id`.execute(kysely);
    const shortIds = jobs.filter((j) => j.kind === 'cleanup-uploads').map((j) => j.id);
    expect(shortIds).toHaveLength(shortJobs);
    expect(Object.fromEntries(effects.rows.map((r) => [r.job_id, Number(r.n)]))).toEqual(
      Object.fromEntries(shortIds.map((id) => [id, 1])),
    );

    // Every episode processed; its files recorded once each, intact, and nothing else on disk.
    const files = await kysely.selectFrom('media_files').selectAll().execute();
    for (const id of episodeIds) {
      const episode = await kysely
        .selectFrom('episodes')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(episode.status).toBe('ready');
      const roles = files.filter((f) => f.episode_id === id).map((f) => f.role);
      expect(roles.sort()).toEqual(['delivery', 'original', 'peaks']);
      expect(JSON.parse(episode.audio ?? '{}').key).toContain(episode.job_id);
    }
    expect(new Set(files.map((f) => f.key)).size).toBe(files.length);
    const onDisk = listFiles(mediaDir).filter((f) => !f.startsWith('.tmp/'));
    expect(onDisk.sort()).toEqual(files.map((f) => f.key).sort());
    for (const file of files) {
      const bytes = readFileSync(path.join(mediaDir, file.key));
      expect(statSync(path.join(mediaDir, file.key)).size).toBe(Number(file.size));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
      if (file.role === 'delivery') {
        // Decodes to the end without a single error.
        const log = execFileSync(
          tools.ffmpegPath,
          ['-v', 'error', '-i', path.join(mediaDir, file.key), '-f', 'null', '-'],
          {
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        expect(log).toBe('');
        expect(Number(file.duration_seconds)).toBeCloseTo(6, 0);
      }
    }
    expect(readdirSync(tmpDir).filter((name) => name.startsWith('zender-job-'))).toEqual([]);

    await kysely.destroy();
    await drop();
  }, 110_000);
});
