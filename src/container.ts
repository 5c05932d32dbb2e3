import type { Db } from './db/create-db.js';
import { createArtworkService } from './domain/artwork-service.js';
import { createEpisodeIngest } from './domain/episode-ingest.js';
import { createEpisodesService } from './domain/episodes-service.js';
import { createPublicUrls } from './domain/public-urls.js';
import { createShowsService } from './domain/shows-service.js';
import { createTokensService } from './domain/tokens-service.js';
import { createApp } from './http/app.js';
import { artworkRoutes } from './http/routes/artwork-routes.js';
import { audioUploadRoutes } from './http/routes/audio-upload-routes.js';
import { jobsRoutes } from './http/routes/jobs-routes.js';
import { type ReadableDataStore, tusRoutes } from './http/routes/tus-routes.js';
import { createJobQueue } from './jobs/job-queue.js';
import { createWorker, type JobHandlers } from './jobs/worker.js';
import type { Clock } from './shared/clock.js';
import type { Logger } from './shared/logger.js';
import type { BlobStore } from './storage/blob-store.js';

export interface ContainerOptions {
  db: Db;
  store: BlobStore;
  /** Staging for unfinished resumable (tus) uploads. */
  tusDatastore: ReadableDataStore;
  logger: Logger;
  clock: Clock;
  baseUrl: string;
  feedsDir: string;
  limits: { maxUploadBytes: number; maxDurationSeconds: number };
  loudnessTargetLufs: number;
  media: { ffmpegPath?: string; ffprobePath?: string };
  workerConcurrency?: number;
  pollIntervalMs?: number;
}

/**
 * Wires services, jobs and the HTTP app from already-opened drivers. main.ts opens the drivers
 * from config; tests pass their own (a SQLite in memory, a temp dir, s3rver) — the same wiring.
 */
export function createContainer(options: ContainerOptions) {
  const { db, store, logger, clock } = options;
  const urls = createPublicUrls(options.baseUrl);
  const queue = createJobQueue({ db: db.kysely, dialect: db.dialect, clock });
  const tokens = createTokensService({ db: db.kysely, clock });
  const shows = createShowsService({ db: db.kysely, clock, urls });
  const episodes = createEpisodesService({ db: db.kysely, store, clock, urls });

  const handlers: JobHandlers = {
    'process-episode': async () => {},
    'rebuild-feed': async () => {},
    'publish-scheduled': async () => {},
    'cleanup-uploads': async () => {
      await tus.cleanUpExpired();
    },
  };
  const worker = createWorker({
    queue,
    handlers,
    logger: logger.child({ part: 'worker' }),
    concurrency: options.workerConcurrency ?? 1,
    pollIntervalMs: options.pollIntervalMs,
  });

  const ingest = createEpisodeIngest({
    db: db.kysely,
    store,
    queue,
    clock,
    maxUploadBytes: options.limits.maxUploadBytes,
    onJobQueued: () => worker.poke(),
  });
  const artwork = createArtworkService({ db: db.kysely, store, clock });
  const tus = tusRoutes({
    datastore: options.tusDatastore,
    ingest,
    maxUploadBytes: options.limits.maxUploadBytes,
    logger,
  });

  const app = createApp({
    logger,
    health: {
      database: async () => {
        await db.kysely.selectFrom('api_tokens').select('id').limit(1).execute();
      },
      storage: () => store.ping(),
    },
    shows,
    episodes,
    tokens,
    apiAreas: [
      tus.app,
      audioUploadRoutes({ ingest }),
      artworkRoutes({ artwork }),
      jobsRoutes({ queue, episodes }),
    ],
  });

  return {
    app,
    worker,
    queue,
    tokens,
    shows,
    episodes,
    ingest,
    artwork,
    urls,
    cleanUpExpiredUploads: tus.cleanUpExpired,
  };
}

export type Container = ReturnType<typeof createContainer>;
