import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import { randomToken } from '../common/ids.js';
import type { Logger } from '../common/logger.js';
import type { Database } from '../db/database.js';
import { type ClaimedJob, type JobQueue, LeaseLostError } from './job-queue.js';
import type { JobKind, JobPayloads } from './job-types.js';
import { PermanentJobError } from './permanent-job-error.js';

export interface JobContext {
  jobId: string;
  attempt: number;
  /** True on the last try: a handler marks its record failed instead of waiting for a retry. */
  lastAttempt: boolean;
  logger: Logger;
  /** Publishes the current step and percent (throttled); visible at /jobs/{id} and over SSE. */
  progress(step: string, percent: number): void;
  /**
   * Aborted when the claim is lost (the lease ran out and another worker took the job): pass it to ffmpeg and long waits, and stop. Whatever the handler still returns
   * or throws is discarded.
   */
  signal: AbortSignal;
  /**
   * Commits `effect` in one transaction only while the claim is ours (else throws LeaseLostError
   * and nothing is written): how a handler records its result. `complete: true` also marks the
   * job done in that transaction, for results that must be recorded exactly once.
   */
  commit<T>(effect: (trx: Kysely<Database>) => Promise<T>, options?: { complete?: boolean }): Promise<T>;
}

export type JobHandler<K extends JobKind> = (payload: JobPayloads[K], context: JobContext) => Promise<void>;
export type JobHandlers = { [K in JobKind]: JobHandler<K> };

export { PermanentJobError } from './permanent-job-error.js';

export interface WorkerOptions {
  queue: JobQueue;
  handlers: JobHandlers;
  logger: Logger;
  concurrency?: number;
  pollIntervalMs?: number;
  leaseMs?: number;
}

/**
 * Claims jobs and runs their handlers, keeping each lease alive while it runs. stop() stops
 * claiming and waits for running jobs, so SIGTERM never cuts a job in half.
 */
export function createWorker({
  queue,
  handlers,
  logger,
  concurrency = 1,
  pollIntervalMs = 500,
  leaseMs = 60_000,
}: WorkerOptions) {
  const workerId = `${hostname()}:${process.pid}:${randomToken(6)}`;
  const running = new Set<Promise<void>>();
  let stopping = false;
  let wake: (() => void) | null = null;
  let loop: Promise<void> | null = null;
  let unsubscribe: (() => void) | undefined;

  async function run(job: ClaimedJob, owner: string): Promise<void> {
    const log = logger.child({ jobId: job.id, kind: job.kind, attempt: job.attempts });
    const lease = new AbortController();
    let latest: { step: string; percent: number } | undefined;
    let sent = '';
    let lastBeat = Date.now();
    let beating: Promise<void> | undefined;
    let completed = false;
    // One beat at a time, never rejecting: a database hiccup is logged and the next beat tries
    // again (the lease outlives a few missed beats); a beat that finds the claim gone stops the job.
    const beat = () => {
      if (beating || lease.signal.aborted) return beating;
      const key = latest ? `${latest.step}:${Math.round(latest.percent)}` : '';
      // Progress when it moved, else often enough that the lease outlives a few missed beats.
      if (key === sent && Date.now() - lastBeat < leaseMs / 3) return;
      beating = (async () => {
        try {
          const ours = await queue.heartbeat(job.id, owner, leaseMs, latest);
          lastBeat = Date.now();
          sent = key;
          if (!ours) lease.abort(new LeaseLostError(job.id));
        } catch (error) {
          log.warn({ err: error }, 'heartbeat failed');
        } finally {
          beating = undefined;
        }
      })();
      return beating;
    };
    const timer = setInterval(() => void beat(), Math.min(1000, leaseMs / 6));
    try {
      const handler = handlers[job.kind] as JobHandler<JobKind>;
      await handler(job.payload, {
        jobId: job.id,
        attempt: job.attempts,
        lastAttempt: job.attempts >= job.maxAttempts,
        logger: log,
        progress: (step, percent) => {
          latest = { step, percent };
        },
        signal: lease.signal,
        commit: async (effect, options) => {
          const result = await queue.commit(job.id, owner, effect, options);
          if (options?.complete) completed = true;
          return result;
        },
      });
      clearInterval(timer);
      if (lease.signal.aborted) throw lease.signal.reason;
      if (!completed && !(await queue.complete(job.id, owner))) throw new LeaseLostError(job.id);
      log.info('job done');
    } catch (error) {
      clearInterval(timer);
      if (error instanceof LeaseLostError || lease.signal.aborted) {
        log.warn('job lost its lease to another worker; its output is discarded');
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      const status = await queue.fail(job.id, owner, message, error instanceof PermanentJobError);
      log.warn({ err: error, status }, 'job attempt failed');
    } finally {
      clearInterval(timer);
      await beating;
    }
  }

  /** Runs one job and never rejects: an error recording the outcome leaves the lease to expire. */
  async function runSafely(job: ClaimedJob, owner: string): Promise<void> {
    try {
      await run(job, owner);
    } catch (error) {
      logger.error(
        { err: error, jobId: job.id },
        'could not record the job outcome; it runs again after its lease',
      );
    }
  }

  /** A fresh owner name per claim: the worker plus a token (see JobQueue.claim). */
  const nextOwner = () => `${workerId}:${randomToken(4)}`;

  async function pump(): Promise<void> {
    while (!stopping) {
      if (running.size >= concurrency) {
        await Promise.race(running);
        continue;
      }
      let job: ClaimedJob | null = null;
      const owner = nextOwner();
      try {
        job = await queue.claim(owner, leaseMs);
      } catch (error) {
        logger.error({ err: error }, 'claim failed');
      }
      if (job) {
        const task = runSafely(job, owner).finally(() => running.delete(task));
        running.add(task);
        continue;
      }
      if (stopping) break;
      await new Promise<void>((resolve) => {
        const timeout = setTimeout(resolve, pollIntervalMs);
        wake = () => {
          clearTimeout(timeout);
          resolve();
        };
      });
      wake = null;
    }
  }

  return {
    workerId,
    start() {
      if (!loop) loop = pump();
      unsubscribe ??= queue.onWork(() => wake?.());
    },
    /** Claim now instead of at the next poll (after an enqueue in the same process). */
    poke() {
      wake?.();
    },
    async stop(): Promise<void> {
      stopping = true;
      unsubscribe?.();
      wake?.();
      await loop;
      await Promise.allSettled([...running]);
    },
    /** Runs until no job is due; for tests and scripts. */
    async drain(): Promise<void> {
      for (;;) {
        const owner = nextOwner();
        const job = await queue.claim(owner, leaseMs);
        if (!job) return;
        await runSafely(job, owner);
      }
    },
  };
}

export type Worker = ReturnType<typeof createWorker>;
