import type { Kysely } from 'kysely';
import type { Clock } from '../common/clock.js';
import { newId } from '../common/ids.js';
import type { Database, JobRow } from '../db/database.js';
import type { Job, JobError, JobKind, JobPayloads } from './job-types.js';

export interface EnqueueOptions {
  runAt?: Date;
  maxAttempts?: number;
  /** While a queued job with this key waits, enqueueing another is a no-op (e.g. one feed rebuild per show). */
  dedupeKey?: string;
  /** Enqueue inside the caller's transaction, so the job exists exactly when the caller's change does. */
  within?: Kysely<Database>;
}

export interface ClaimedJob<K extends JobKind = JobKind> {
  id: string;
  kind: K;
  payload: JobPayloads[K];
  attempts: number;
  maxAttempts: number;
}

export function toJob(row: JobRow): Job {
  const errors = JSON.parse(row.errors) as JobError[];
  return {
    id: row.id,
    kind: row.kind as JobKind,
    status: row.status,
    progress: row.progress,
    step: row.step,
    error: errors.length > 0 ? errors[errors.length - 1].message : null,
    errors,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: row.run_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The claim is no longer ours: its lease ran out and another worker took the job, or it ended. */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
  constructor(readonly jobId: string) {
    super(`job ${jobId}: the lease is no longer ours`);
  }
}

/**
 * An update of job `id` that only touches it while `owner` holds its claim. Every change a worker
 * makes after claiming goes through here: a worker whose lease ran out must never move a job
 * another worker now runs.
 */
function ownedBy(db: Kysely<Database>, id: string, owner: string) {
  return db
    .updateTable('jobs')
    .where('id', '=', id)
    .where('locked_by', '=', owner)
    .where('status', '=', 'running');
}

/** Exponential backoff with jitter: 2 s, 4 s, 8 s … capped at 10 minutes. */
export function backoffMs(attempt: number, random = Math.random): number {
  const base = Math.min(2000 * 2 ** Math.max(0, attempt - 1), 600_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * A durable job queue in the database, shared by every API and worker process. A claim sets a
 * lease; a job whose lease ran out (its worker died) is claimed again. PostgreSQL claims with
 * FOR UPDATE SKIP LOCKED so workers never wait on each other; SQLite has one writer, so the
 * single UPDATE … WHERE id = (SELECT …) is already atomic.
 */
export function createJobQueue(deps: { db: Kysely<Database>; dialect: 'sqlite' | 'postgres'; clock: Clock }) {
  const { db, dialect, clock } = deps;
  const iso = (date: Date) => date.toISOString();
  // Same-process workers listening for new work (a worker in another process polls instead).
  const workListeners = new Set<() => void>();
  const announce = () => {
    for (const listener of workListeners) listener();
  };

  return {
    /**
     * Tells same-process workers there is work now instead of at their next poll. enqueue()
     * does this itself; a caller that enqueued `within` a transaction calls it after the commit.
     */
    announce,
    /** A worker subscribes here to hear of new work; returns the unsubscribe function. */
    onWork(listener: () => void): () => void {
      workListeners.add(listener);
      return () => workListeners.delete(listener);
    },

    async enqueue<K extends JobKind>(
      kind: K,
      payload: JobPayloads[K],
      options: EnqueueOptions = {},
    ): Promise<string> {
      const target = options.within ?? db;
      if (options.dedupeKey) {
        const waiting = await target
          .selectFrom('jobs')
          .select('id')
          .where('dedupe_key', '=', options.dedupeKey)
          .where('status', '=', 'queued')
          .executeTakeFirst();
        if (waiting) return waiting.id;
      }
      const now = iso(clock.now());
      const id = newId();
      await target
        .insertInto('jobs')
        .values({
          id,
          kind,
          payload: JSON.stringify(payload),
          status: 'queued',
          progress: 0,
          step: null,
          attempts: 0,
          max_attempts: options.maxAttempts ?? 5,
          run_at: options.runAt ? iso(options.runAt) : now,
          lease_until: null,
          locked_by: null,
          errors: '[]',
          dedupe_key: options.dedupeKey ?? null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      // Inside a transaction the job is invisible until the commit: the caller announces then.
      if (!options.within) announce();
      return id;
    },

    async get(id: string): Promise<Job | null> {
      const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toJob(row) : null;
    },

    /**
     * Takes the next due job (or one whose lease expired) for `owner`, or null. `owner` names this
     * one claim (the worker makes a fresh one per claim), so a worker that reclaims its own expired
     * job is still told apart from its earlier, stale run.
     */
    async claim(owner: string, leaseMs: number): Promise<ClaimedJob | null> {
      const now = clock.now();
      let next = db
        .selectFrom('jobs')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', iso(now))]),
            eb.and([eb('status', '=', 'running'), eb('lease_until', '<', iso(now))]),
          ]),
        )
        .orderBy('run_at')
        .limit(1);
      if (dialect === 'postgres') next = next.forUpdate().skipLocked();
      const row = await db
        .updateTable('jobs')
        .set((eb) => ({
          status: 'running',
          lease_until: iso(new Date(now.getTime() + leaseMs)),
          locked_by: owner,
          attempts: eb('attempts', '+', 1),
          updated_at: iso(now),
        }))
        .where('id', '=', (eb) => eb.selectFrom(next.as('next')).select('next.id'))
        .returningAll()
        .executeTakeFirst();
      if (!row) return null;
      return {
        id: row.id,
        kind: row.kind as JobKind,
        payload: JSON.parse(row.payload),
        attempts: row.attempts,
        maxAttempts: row.max_attempts,
      };
    },

    /**
     * Keeps the lease alive and publishes progress. False when the claim is no longer ours (the
     * lease ran out and another worker took the job, or it was finished): the caller must stop.
     */
    async heartbeat(
      id: string,
      owner: string,
      leaseMs: number,
      progress?: { step: string; percent: number },
    ): Promise<boolean> {
      const now = clock.now();
      const result = await ownedBy(db, id, owner)
        .set({
          lease_until: iso(new Date(now.getTime() + leaseMs)),
          updated_at: iso(now),
          ...(progress
            ? { step: progress.step, progress: Math.max(0, Math.min(100, Math.round(progress.percent))) }
            : {}),
        })
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** Marks the job done; false (and nothing changed) when the claim is no longer ours. */
    async complete(id: string, owner: string): Promise<boolean> {
      const result = await ownedBy(db, id, owner)
        .set({ status: 'done', progress: 100, lease_until: null, updated_at: iso(clock.now()) })
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /**
     * Runs `effect` in one transaction that holds the job's claim: committed only while the claim
     * is ours, else LeaseLostError and nothing is written. So a worker that lost its lease (paused,
     * cut off) cannot record a result the worker now holding the job records too. With `complete`
     * the job is marked done in the same transaction: a worker killed after the commit leaves
     * nothing to run again, for a result that must be recorded exactly once.
     */
    async commit<T>(
      id: string,
      owner: string,
      effect: (trx: Kysely<Database>) => Promise<T>,
      options: { complete?: boolean } = {},
    ): Promise<T> {
      return db.transaction().execute(async (trx) => {
        // The update first: it takes the row's lock (PostgreSQL) or the write lock (SQLite), so no
        // claim can slip in between the check and the effect.
        const now = iso(clock.now());
        const result = await ownedBy(trx, id, owner)
          .set(
            options.complete
              ? { status: 'done', progress: 100, lease_until: null, updated_at: now }
              : { updated_at: now },
          )
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) throw new LeaseLostError(id);
        return effect(trx);
      });
    },

    /**
     * Records the attempt's error; retries later with backoff, or fails for good when attempts
     * are used up or the error is marked permanent. Returns the job's new status, or `lost` (and
     * changes nothing) when the claim is no longer ours: the job belongs to whoever holds it now.
     */
    async fail(
      id: string,
      owner: string,
      message: string,
      permanent = false,
    ): Promise<'queued' | 'failed' | 'lost'> {
      const row = await db
        .selectFrom('jobs')
        .select(['attempts', 'max_attempts', 'errors', 'run_at'])
        .where('id', '=', id)
        .where('locked_by', '=', owner)
        .where('status', '=', 'running')
        .executeTakeFirst();
      if (!row) return 'lost';
      const now = clock.now();
      const errors = [
        ...(JSON.parse(row.errors) as JobError[]),
        { attempt: row.attempts, at: iso(now), message },
      ];
      const retry = !permanent && row.attempts < row.max_attempts;
      // Guarded again: the claim may have been lost between the read and this update.
      const result = await ownedBy(db, id, owner)
        .set({
          status: retry ? 'queued' : 'failed',
          errors: JSON.stringify(errors.slice(-20)),
          lease_until: null,
          locked_by: retry ? null : owner,
          run_at: retry ? iso(new Date(now.getTime() + backoffMs(row.attempts))) : row.run_at,
          updated_at: iso(now),
        })
        .where('attempts', '=', row.attempts)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return 'lost';
      return retry ? 'queued' : 'failed';
    },
  };
}

export type JobQueue = ReturnType<typeof createJobQueue>;
