import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../tests/helpers/test-databases.js';
import { createLogger } from '../common/logger.js';
import { backoffMs, createJobQueue, LeaseLostError } from './job-queue.js';
import { createWorker, type JobHandlers, PermanentJobError } from './worker.js';

describe.each(testDatabases())('job queue on $name', (database) => {
  let db: Awaited<ReturnType<typeof database.open>>;
  let now = new Date('2026-01-01T10:00:00.000Z');
  const clock = { now: () => now };

  beforeEach(async () => {
    db = await database.open();
    now = new Date('2026-01-01T10:00:00.000Z');
  });
  afterEach(async () => db.destroy());

  it('hands a job to one claimer only, and again after its lease runs out', async () => {
    const queue = createJobQueue({ db: db.kysely, dialect: db.dialect, clock });
    const id = await queue.enqueue('rebuild-feed', { showId: 's1' });
    const [a, b] = await Promise.all([queue.claim('a', 30_000), queue.claim('b', 30_000)]);
    expect([a?.id, b?.id].filter(Boolean)).toEqual([id]);
    expect(await queue.claim('c', 30_000)).toBeNull();
    now = new Date(now.getTime() + 31_000); // the claimer died: its lease expires
    const again = await queue.claim('c', 30_000);
    expect(again?.id).toBe(id);
    expect(again?.attempts).toBe(2);
  });

  it('retries with backoff, keeps every error, and fails after max attempts', async () => {
    const queue = createJobQueue({ db: db.kysely, dialect: db.dialect, clock });
    const id = await queue.enqueue('rebuild-feed', { showId: 's1' }, { maxAttempts: 2 });
    await queue.claim('w', 1000);
    expect(await queue.fail(id, 'w', 'first')).toBe('queued');
    expect(await queue.claim('w', 1000)).toBeNull(); // waiting for its backoff
    now = new Date(now.getTime() + 10_000);
    await queue.claim('w', 1000);
    expect(await queue.fail(id, 'w', 'second')).toBe('failed');
    const job = await queue.get(id);
    expect(job?.status).toBe('failed');
    expect(job?.errors.map((e) => e.message)).toEqual(['first', 'second']);
    expect(job?.error).toBe('second');
  });

  it('lets no stale claim move a job another worker now runs', async () => {
    const queue = createJobQueue({ db: db.kysely, dialect: db.dialect, clock });
    const id = await queue.enqueue('rebuild-feed', { showId: 's1' });
    await queue.claim('a', 1000);
    now = new Date(now.getTime() + 2000); // a was paused past its lease; b takes the job over
    expect((await queue.claim('b', 30_000))?.id).toBe(id);

    expect(await queue.fail(id, 'a', 'stale failure')).toBe('lost');
    expect(await queue.complete(id, 'a')).toBe(false);
    expect(await queue.heartbeat(id, 'a', 30_000, { step: 'stale', percent: 90 })).toBe(false);
    await expect(
      queue.commit(
        id,
        'a',
        async (trx) => {
          await trx.updateTable('jobs').set({ step: 'stale effect' }).where('id', '=', id).execute();
        },
        { complete: true },
      ),
    ).rejects.toBeInstanceOf(LeaseLostError);
    let job = await queue.get(id);
    expect(job).toMatchObject({ status: 'running', step: null, errors: [], attempts: 2 });

    const effect = async (trx: typeof db.kysely) => {
      await trx.updateTable('jobs').set({ step: 'effect' }).where('id', '=', id).execute();
    };
    await queue.commit(id, 'b', effect); // held, not completed: still running
    expect((await queue.get(id))?.status).toBe('running');
    await queue.commit(id, 'b', effect, { complete: true });
    job = await queue.get(id);
    expect(job).toMatchObject({ status: 'done', step: 'effect' });
    expect(await queue.fail(id, 'b', 'after done')).toBe('lost');
    expect((await queue.get(id))?.status).toBe('done');
  });

  it('stops a handler whose lease was taken over, and discards what it returns', async () => {
    const queue = createJobQueue({ db: db.kysely, dialect: db.dialect, clock: { now: () => new Date() } });
    const id = await queue.enqueue('rebuild-feed', { showId: 's1' });
    let aborted: unknown;
    const handlers = noopHandlers({
      'rebuild-feed': async (_payload, ctx) => {
        // Another worker takes the job over behind this one's back.
        await db.kysely.updateTable('jobs').set({ locked_by: 'thief' }).where('id', '=', id).execute();
        aborted = await new Promise((resolve) =>
          ctx.signal.addEventListener('abort', () => resolve(ctx.signal.reason)),
        );
        await ctx.commit(async () => {}, { complete: true }).catch(() => {});
      },
    });
    const worker = createWorker({ queue, handlers, logger: silent, leaseMs: 600 });
    await worker.drain();
    expect(aborted).toBeInstanceOf(LeaseLostError);
    const job = await queue.get(id);
    expect(job).toMatchObject({ status: 'running', errors: [] }); // still the thief's
  });

  it('survives heartbeats that fail: logged, retried, never an unhandled rejection', async () => {
    const real = createJobQueue({ db: db.kysely, dialect: db.dialect, clock: { now: () => new Date() } });
    let failures = 0;
    const queue = {
      ...real,
      heartbeat: async () => {
        failures++;
        throw new Error('connection terminated');
      },
    };
    const id = await real.enqueue('rebuild-feed', { showId: 's1' });
    const handlers = noopHandlers({
      'rebuild-feed': async (_payload, ctx) => {
        ctx.progress('build', 10);
        // Long enough for a few beats, however slow the machine.
        while (failures < 3) await new Promise((resolve) => setTimeout(resolve, 50));
      },
    });
    const worker = createWorker({ queue, handlers, logger: silent, leaseMs: 600 });
    await worker.drain();
    expect(failures).toBeGreaterThanOrEqual(3);
    expect((await real.get(id))?.status).toBe('done');
  });

  it('does not queue a second job with the same dedupe key while one waits', async () => {
    const queue = createJobQueue({ db: db.kysely, dialect: db.dialect, clock });
    const first = await queue.enqueue('rebuild-feed', { showId: 's1' }, { dedupeKey: 'feed:s1' });
    const second = await queue.enqueue('rebuild-feed', { showId: 's1' }, { dedupeKey: 'feed:s1' });
    expect(second).toBe(first);
  });

  it('a worker runs handlers, records progress and stops on a permanent error', async () => {
    const queue = createJobQueue({ db: db.kysely, dialect: db.dialect, clock: { now: () => new Date() } });
    const seen: string[] = [];
    const handlers: JobHandlers = {
      'rebuild-feed': async (payload, ctx) => {
        ctx.progress('build', 50);
        seen.push(payload.showId);
      },
      'process-episode': async () => {
        throw new PermanentJobError('no audio stream');
      },
      'publish-scheduled': async () => {},
      'cleanup-uploads': async () => {},
      'generate-social-drafts': async () => {},
      'deliver-webhook': async () => {},
      'write-chapters': async () => {},
      transcribe: async () => {},
      'fold-downloads': async () => {},
      'import-feed': async () => {},
      'ping-websub-hub': async () => {},
      'retag-show': async () => {},
    };
    const worker = createWorker({ queue, handlers, logger: createLogger({ level: 'silent' }) });
    const ok = await queue.enqueue('rebuild-feed', { showId: 'x' });
    const bad = await queue.enqueue('process-episode', { episodeId: 'e', sourceKey: 'k' });
    await worker.drain();
    expect(seen).toEqual(['x']);
    expect((await queue.get(ok))?.status).toBe('done');
    const failed = await queue.get(bad);
    expect(failed?.status).toBe('failed');
    expect(failed?.attempts).toBe(1);
    expect(failed?.error).toBe('no audio stream');
  });
});

const silent = createLogger({ level: 'silent' });

function noopHandlers(overrides: Partial<JobHandlers>): JobHandlers {
  const nothing = async () => {};
  return {
    'rebuild-feed': nothing,
    'process-episode': nothing,
    'publish-scheduled': nothing,
    'cleanup-uploads': nothing,
    'generate-social-drafts': nothing,
    'deliver-webhook': nothing,
    'write-chapters': nothing,
    transcribe: nothing,
    'fold-downloads': nothing,
    'import-feed': nothing,
    'ping-websub-hub': nothing,
    'retag-show': nothing,
    ...overrides,
  };
}

describe('backoffMs', () => {
  it('doubles per attempt and is capped', () => {
    const fixed = () => 0.5;
    expect(backoffMs(1, fixed)).toBe(2000);
    expect(backoffMs(3, fixed)).toBe(8000);
    expect(backoffMs(30, fixed)).toBe(600_000);
  });
});
