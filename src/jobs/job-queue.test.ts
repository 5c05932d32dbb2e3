import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../tests/helpers/test-databases.js';
import { createLogger } from '../shared/logger.js';
import { backoffMs, createJobQueue } from './job-queue.js';
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

describe('backoffMs', () => {
  it('doubles per attempt and is capped', () => {
    const fixed = () => 0.5;
    expect(backoffMs(1, fixed)).toBe(2000);
    expect(backoffMs(3, fixed)).toBe(8000);
    expect(backoffMs(30, fixed)).toBe(600_000);
  });
});
