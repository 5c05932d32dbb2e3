import { hostname } from 'node:os';
import { randomToken } from '../shared/ids.js';
import type { Logger } from '../shared/logger.js';
import type { ClaimedJob, JobQueue } from './job-queue.js';
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

  async function run(job: ClaimedJob): Promise<void> {
    const log = logger.child({ jobId: job.id, kind: job.kind, attempt: job.attempts });
    let latest: { step: string; percent: number } | undefined;
    let sent = '';
    const beat = async () => {
      const key = latest ? `${latest.step}:${Math.round(latest.percent)}` : '';
      if (key !== sent || !latest) {
        sent = key;
        await queue
          .heartbeat(job.id, workerId, leaseMs, latest)
          .catch((error) => log.warn({ err: error }, 'heartbeat failed'));
      }
    };
    const timer = setInterval(() => void beat(), Math.min(1000, leaseMs / 3));
    const leaseTimer = setInterval(() => void queue.heartbeat(job.id, workerId, leaseMs), leaseMs / 3);
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
      });
      clearInterval(timer);
      await beat();
      await queue.complete(job.id, workerId);
      log.info('job done');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const status = await queue.fail(job.id, workerId, message, error instanceof PermanentJobError);
      log.warn({ err: error, status }, 'job attempt failed');
    } finally {
      clearInterval(timer);
      clearInterval(leaseTimer);
    }
  }

  async function pump(): Promise<void> {
    while (!stopping) {
      if (running.size >= concurrency) {
        await Promise.race(running);
        continue;
      }
      let job: ClaimedJob | null = null;
      try {
        job = await queue.claim(workerId, leaseMs);
      } catch (error) {
        logger.error({ err: error }, 'claim failed');
      }
      if (job) {
        const task = run(job).finally(() => running.delete(task));
        running.add(task);
        continue;
      }
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
        const job = await queue.claim(workerId, leaseMs);
        if (!job) return;
        await run(job);
      }
    },
  };
}

export type Worker = ReturnType<typeof createWorker>;
