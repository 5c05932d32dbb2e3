import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { systemClock } from './common/clock.js';
import { createLogger, type Logger } from './common/logger.js';
import { ConfigError, loadConfig } from './config/load-config.js';
import { createContainer } from './container.js';
import { createDb } from './db/create-db.js';
import { migrateToLatest } from './db/migrate.js';
import type { BootstrapOutcome } from './domain/tokens-service.js';
import { createNodeListener } from './http/node-listener.js';
import { createBlobStore } from './storage/create-blob-store.js';
import { createTusDatastore } from './uploads/create-tus-datastore.js';

export type Role = 'api+worker' | 'worker';

/** One line about ADMIN_TOKEN when it did something worth knowing. */
function logBootstrap(logger: Logger, outcome: BootstrapOutcome): void {
  if (outcome.kind === 'revoked')
    logger.warn(
      { revokedAt: outcome.revokedAt },
      'ADMIN_TOKEN was revoked and stays revoked; set a new ADMIN_TOKEN value for a working bootstrap token',
    );
  if (outcome.kind === 'replaced')
    logger.info('ADMIN_TOKEN changed: the previous bootstrap token is revoked, the new one is active');
}

/** With S3, media answers redirect to the public base or the endpoint (presigned): pages must allow those. */
function mediaOriginsOf(storage: {
  endpoint?: string;
  publicUrl?: string;
  bucket: string;
  region: string;
}): string[] {
  const urls = [
    storage.publicUrl,
    storage.endpoint ?? `https://${storage.bucket}.s3.${storage.region}.amazonaws.com`,
  ];
  return urls.filter((url): url is string => Boolean(url)).map((url) => new URL(url).origin);
}

/**
 * The composition root: config → db → storage → services → app → serve. `npm start` runs the API
 * with an in-process worker; `npm run worker` runs only the worker.
 */
export async function start(role: Role = 'api+worker'): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`zender: ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel });
  mkdirSync(config.dataDir, { recursive: true });
  mkdirSync(config.feedsDir, { recursive: true });
  const db = createDb(config.database);
  await migrateToLatest(db.kysely);
  const store = await createBlobStore(config.storage);
  const tusDatastore = await createTusDatastore(
    config.storage.driver === 's3'
      ? { ...config.storage, expiryHours: config.tusExpiryHours }
      : { driver: 'fs', dir: path.join(config.dataDir, 'uploads'), expiryHours: config.tusExpiryHours },
  );
  const container = createContainer({
    db,
    store,
    tusDatastore,
    logger,
    clock: systemClock,
    baseUrl: config.baseUrl,
    feedsDir: config.feedsDir,
    limits: config.limits,
    loudnessTargetLufs: config.loudnessTargetLufs,
    media: config.media,
    workerConcurrency: config.workerConcurrency,
    leaseMs: config.jobLeaseMs,
    transcriberCommand: config.transcriberCommand,
    corsOrigins: config.corsOrigins,
    allowPrivateUrls: config.net.allowPrivateUrls,
    trustProxy: config.net.trustProxy,
    websubHubUrl: config.websubHubUrl,
    mediaOrigins: config.storage.driver === 's3' ? mediaOriginsOf(config.storage) : [],
  });

  let server: Server | undefined;
  if (role === 'api+worker') {
    const bootstrap = await container.tokens.bootstrapAdmin(config.adminToken);
    if (bootstrap.kind === 'generated') {
      // Printed once, on the first start only; it is stored hashed and cannot be shown again.
      process.stdout.write(
        `\nzender: admin API token (shown once, keep it safe):\n\n  ${bootstrap.token}\n\n`,
      );
    }
    logBootstrap(logger, bootstrap);
    if ((await container.staff.users.count()) === 0) {
      logger.info(
        'no staff account yet: make the first with `npm run user -- create --email EMAIL --name NAME --role admin --password-stdin`',
      );
    }
    server = createServer(createNodeListener(container.app.fetch, container.feedDelivery));
    server.listen(config.port, () =>
      logger.info(
        { port: config.port, baseUrl: config.baseUrl, storage: store.kind, database: db.dialect },
        'zender listening',
      ),
    );
  }
  // EMBEDDED_WORKER=false: an API-only process, when workers run elsewhere (`npm run worker`).
  if (role === 'worker' || config.embeddedWorker) {
    container.worker.start();
    logger.info({ workerId: container.worker.workerId }, 'worker started');
    // Abandoned resumable uploads are removed by a job; one waits at a time (dedupe key).
    const sweep = () =>
      container.queue
        .enqueue(
          'cleanup-uploads',
          {},
          { dedupeKey: 'cleanup-uploads', runAt: new Date(Date.now() + 3600_000) },
        )
        .catch((error) => logger.warn({ err: error }, 'could not queue the upload cleanup'));
    void sweep();
    setInterval(sweep, 3600_000).unref();
    // Download counts: a recurring fold job (each run queues the next).
    container.analytics
      .scheduleFold()
      .catch((error) => logger.warn({ err: error }, 'could not queue the download fold'));
    // Workers build the feeds, so their WEBSUB_HUB_URL is the one feeds name: a changed one
    // (or a removed one) rebuilds the feeds built with another.
    container.websub
      .rebuildFeedsOfOtherHub()
      .catch((error) => logger.warn({ err: error }, 'could not queue the feed rebuilds for the WebSub hub'));
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Stop accepting, let in-flight requests finish, let the running job finish, then close the db.
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await container.analytics.recorder.flush();
    await container.worker.stop();
    await db.kysely.destroy();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

const entry = path.basename(process.argv[1] ?? '');
if (entry === 'main.ts' || entry === 'main.js') {
  start().catch((error) => {
    process.stderr.write(`zender: failed to start: ${error instanceof Error ? error.message : error}\n`);
    process.exit(1);
  });
}
