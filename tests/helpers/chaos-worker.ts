import { sql } from 'kysely';
import { resolveMediaTools } from '../../src/audio/resolve-media-tools.js';
import { createLogger } from '../../src/common/logger.js';
import { createDb } from '../../src/db/create-db.js';
import { createDomainEvents } from '../../src/domain/domain-events.js';
import { createEpisodeProcessing } from '../../src/domain/episode-processing.js';
import { createJobQueue } from '../../src/jobs/job-queue.js';
import { createWorker, type JobHandler, type JobHandlers } from '../../src/jobs/worker.js';
import { createFsStore } from '../../src/storage/fs-store.js';

/*
 * One worker process of the chaos test (tests/jobs-chaos.test.ts), started with
 * `node --import tsx` so a signal hits the worker itself. The real queue, worker and processing
 * job; the short jobs (kind `cleanup-uploads`) record their effect in the test's `chaos_effects`
 * table through the worker's commit, so a job done twice would show as two rows.
 *
 * Environment: CHAOS_DB (a SQLite file, or a postgres:// URL with CHAOS_SCHEMA), CHAOS_MEDIA_DIR,
 * CHAOS_TMP_DIR, CHAOS_LEASE_MS.
 */

// Made visible instead of Node's default crash, so the test can tell this death from its kills.
process.on('unhandledRejection', (reason) => {
  process.stderr.write(`UNHANDLED REJECTION: ${reason instanceof Error ? reason.stack : String(reason)}\n`);
  process.exit(70);
});

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const target = env('CHAOS_DB');
const db = target.startsWith('postgres')
  ? createDb({ kind: 'postgres', url: target, schema: env('CHAOS_SCHEMA') })
  : createDb({ kind: 'sqlite', file: target });
const clock = { now: () => new Date() };
const logger = createLogger({ level: 'silent' });
const queue = createJobQueue({ db: db.kysely, dialect: db.dialect, clock });
const processing = createEpisodeProcessing({
  db: db.kysely,
  store: createFsStore({ root: env('CHAOS_MEDIA_DIR') }),
  clock,
  tools: resolveMediaTools(),
  tempDir: env('CHAOS_TMP_DIR'),
  maxDurationSeconds: 3600,
  defaultTargetLufs: -16,
  events: createDomainEvents(), // nobody listens: processing alone is under test
});

const shortJob: JobHandler<'cleanup-uploads'> = async (_payload, context) => {
  await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 300));
  await context.commit(
    async (trx) => {
      await sql`insert into chaos_effects (job_id, pid) values (${context.jobId}, ${process.pid})`.execute(
        trx,
      );
    },
    { complete: true },
  );
};
const unexpected = async () => {
  throw new Error('not a chaos job');
};
const handlers: JobHandlers = {
  'cleanup-uploads': shortJob,
  'process-episode': (payload, context) => processing.process(payload, context),
  'rebuild-feed': unexpected,
  'publish-scheduled': unexpected,
  'generate-social-drafts': unexpected,
  'deliver-webhook': unexpected,
  'write-chapters': unexpected,
  transcribe: unexpected,
  'fold-downloads': unexpected,
  'import-feed': unexpected,
  'ping-websub-hub': unexpected,
  'retag-show': unexpected,
};

const worker = createWorker({
  queue,
  handlers,
  logger,
  concurrency: 2,
  pollIntervalMs: 50,
  leaseMs: Number(env('CHAOS_LEASE_MS')),
});
worker.start();
process.on('SIGTERM', () => {
  void worker
    .stop()
    .then(() => db.kysely.destroy())
    .then(() => process.exit(0));
});
// Last: once the test reads this, a SIGTERM ends the worker cleanly.
process.stdout.write('ready\n');
