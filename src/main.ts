import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { ConfigError, loadConfig } from './config/load-config.js';
import { createContainer } from './container.js';
import { createDb } from './db/create-db.js';
import { migrateToLatest } from './db/migrate.js';
import { systemClock } from './shared/clock.js';
import { createLogger } from './shared/logger.js';
import { createBlobStore } from './storage/create-blob-store.js';
import { createTusDatastore } from './uploads/create-tus-datastore.js';

export type Role = 'api+worker' | 'worker';

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
  const store = createBlobStore(config.storage);
  const tusDatastore = createTusDatastore(
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
  });

  let server: ReturnType<typeof serve> | undefined;
  if (role === 'api+worker') {
    const generated = await container.tokens.bootstrapAdmin(config.adminToken);
    if (generated) {
      // Printed once, on the first start only; it is stored hashed and cannot be shown again.
      process.stdout.write(`\nzender: admin API token (shown once, keep it safe):\n\n  ${generated}\n\n`);
    }
    server = serve({ fetch: container.app.fetch, port: config.port }, (info) =>
      logger.info(
        { port: info.port, baseUrl: config.baseUrl, storage: store.kind, database: db.dialect },
        'zender listening',
      ),
    );
  }
  container.worker.start();
  logger.info({ workerId: container.worker.workerId }, 'worker started');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Stop accepting, let in-flight requests finish, let the running job finish, then close the db.
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
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
