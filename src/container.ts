import { tmpdir } from 'node:os';
// Not audio/index.js: that pulls in the ffmpeg wrapper and the tag reader, which only jobs use.
import { resolveMediaTools } from './audio/resolve-media-tools.js';
import type { Db } from './db/create-db.js';
import { findEpisodeById, listEpisodeIdsOfShow } from './db/repositories/episodes-repository.js';
import { deleteMediaFilesOfShow } from './db/repositories/media-files-repository.js';
import { findShowById, findShowBySlugHistory } from './db/repositories/shows-repository.js';
import { createArtworkService } from './domain/artwork-service.js';
import { createChaptersService } from './domain/chapters-service.js';
import { createDownloadAnalytics } from './domain/download-analytics.js';
import { createEpisodeIngest } from './domain/episode-ingest.js';
import { createEpisodeTranscription } from './domain/episode-transcription.js';
import { createEpisodesService } from './domain/episodes-service.js';
import { createFeedDelivery } from './domain/feed-delivery.js';
import { createFeedPublisher } from './domain/feed-publisher.js';
import { createPublicCatalog } from './domain/public-catalog.js';
import { createPublicMedia } from './domain/public-media.js';
import { createPublicTextMedia } from './domain/public-text-media.js';
import { createPublicUrls } from './domain/public-urls.js';
import { createPublishingService } from './domain/publishing-service.js';
import { createShowsService } from './domain/shows-service.js';
import { createTokensService } from './domain/tokens-service.js';
import { createTranscriptsService } from './domain/transcripts-service.js';
import { createApp } from './http/app.js';
import { artworkRoutes } from './http/routes/artwork-routes.js';
import { audioUploadRoutes } from './http/routes/audio-upload-routes.js';
import { feedRoutes } from './http/routes/feed-routes.js';
import { jobsRoutes } from './http/routes/jobs-routes.js';
import { mediaRoutes } from './http/routes/media-routes.js';
import { publishingRoutes } from './http/routes/publishing-routes.js';
import { transcriptsRoutes } from './http/routes/transcripts-routes.js';
import { type ReadableDataStore, tusRoutes } from './http/routes/tus-routes.js';
import { webRoutes } from './http/routes/web-routes.js';
import { createJobQueue } from './jobs/job-queue.js';
import { createWorker, type JobHandlers } from './jobs/worker.js';
import { createMediaJobsModule } from './media-jobs-module.js';
import type { Clock } from './shared/clock.js';
import type { Logger } from './shared/logger.js';
import { createSocialModule } from './social/social-module.js';
import type { BlobStore } from './storage/blob-store.js';
import { runTranscriber } from './transcriber/run-transcriber.js';

export interface ContainerOptions {
  db: Db;
  store: BlobStore;
  /** Staging for unfinished resumable (tus) uploads. */
  tusDatastore: ReadableDataStore;
  logger: Logger;
  clock: Clock;
  baseUrl: string;
  feedsDir: string;
  tempDir?: string;
  limits: { maxUploadBytes: number; maxDurationSeconds: number };
  loudnessTargetLufs: number;
  media: { ffmpegPath?: string; ffprobePath?: string };
  workerConcurrency?: number;
  pollIntervalMs?: number;
  leaseMs?: number;
  /** Origins media may come from besides our own (S3_PUBLIC_URL, a CDN), for the pages' CSP. */
  mediaOrigins?: string[];
  /** TRANSCRIBER=command: the program that turns delivery audio into WebVTT or SRT. */
  transcriberCommand?: string;
}

/**
 * Wires services, jobs and the HTTP app from already-opened drivers. main.ts opens the drivers
 * from config; tests pass their own (a SQLite in memory, a temp dir, s3rver): the same wiring.
 */
export function createContainer(options: ContainerOptions) {
  const { db, store, logger, clock } = options;
  const kysely = db.kysely;
  const urls = createPublicUrls(options.baseUrl);
  const queue = createJobQueue({ db: kysely, dialect: db.dialect, clock });
  const poke = () => worker.poke();
  const social = createSocialModule({ db: kysely, store, clock, queue, urls, logger, poke });
  const publishing = createPublishingService({
    db: kysely,
    queue,
    clock,
    poke,
    onPublishedOrScheduled: (episodeId) => social.onEpisodePublishedOrScheduled(episodeId),
  });
  const tokens = createTokensService({ db: kysely, clock });
  const shows = createShowsService({
    db: kysely,
    clock,
    urls,
    onShowChanged: (showId) => publishing.rebuildFeed(showId),
    // Episodes go through their own removal so their files go too (the FK cascade would orphan them).
    beforeRemove: async (showId) => {
      for (const episodeId of await listEpisodeIdsOfShow(kysely, showId)) await episodes.remove(episodeId);
    },
    afterRemove: async (show) => {
      await feedPublisher.remove(show);
      for (const blob of await store.list(`shows/${show.id}/`)) await store.delete(blob.key);
      await deleteMediaFilesOfShow(kysely, show.id);
    },
  });
  const episodes = createEpisodesService({
    db: kysely,
    store,
    clock,
    urls,
    onEpisodeChanged: async (episode) => {
      if (episode.published_at || episode.status === 'published')
        await publishing.rebuildFeed(episode.show_id);
    },
  });
  const ingest = createEpisodeIngest({
    db: kysely,
    store,
    queue,
    clock,
    maxUploadBytes: options.limits.maxUploadBytes,
    onJobQueued: poke,
  });
  const rebuildIfPublished = async (episodeId: string) => {
    const episode = await findEpisodeById(kysely, episodeId);
    if (episode?.status === 'published') await publishing.rebuildFeed(episode.show_id);
  };
  const transcripts = createTranscriptsService({ db: kysely, clock, onChanged: rebuildIfPublished });
  const chapters = createChaptersService({
    db: kysely,
    clock,
    onChanged: async (episodeId) => {
      await rebuildIfPublished(episodeId);
      // The delivery MP3 carries the chapters too (ID3 CHAP), rewritten without re-encoding.
      await queue.enqueue('write-chapters', { episodeId }, { dedupeKey: `chapters:${episodeId}` });
      poke();
    },
  });
  const artwork = createArtworkService({ db: kysely, store, clock });
  const feedPublisher = createFeedPublisher({ db: kysely, store, clock, urls, feedsDir: options.feedsDir });
  const feedDelivery = createFeedDelivery({ db: kysely, clock });
  const analytics = createDownloadAnalytics({ db: kysely, clock });
  const tus = tusRoutes({
    datastore: options.tusDatastore,
    ingest,
    maxUploadBytes: options.limits.maxUploadBytes,
    logger,
  });
  const tools = resolveMediaTools(options.media);
  const tempDir = options.tempDir ?? tmpdir();
  const transcription = createEpisodeTranscription({
    db: kysely,
    store,
    transcripts,
    tempDir,
    transcribe: (file) => runTranscriber(file, { command: options.transcriberCommand ?? 'false' }),
  });
  const media = createMediaJobsModule({
    db: kysely,
    store,
    clock,
    tools,
    tempDir,
    maxDurationSeconds: options.limits.maxDurationSeconds,
    defaultTargetLufs: options.loudnessTargetLufs,
    adoptCover: async (episodeId, picture) => {
      await artwork.setEpisodeArtwork(episodeId, picture.format, picture.data);
    },
    onProcessed: async (episodeId, { speech }) => {
      const episode = await findEpisodeById(kysely, episodeId);
      const show = episode && (await findShowById(kysely, episode.show_id));
      if (!episode || !show) return;
      await transcripts.savePlaceholder(episodeId, show.language, speech, episode.duration_seconds ?? 0);
      if (options.transcriberCommand) {
        await queue.enqueue(
          'transcribe',
          { episodeId },
          { dedupeKey: `transcribe:${episodeId}`, maxAttempts: 2 },
        );
      }
    },
    onAudioChanged: rebuildIfPublished,
  });

  const handlers: JobHandlers = {
    ...media.handlers,
    'rebuild-feed': async ({ showId }) => {
      await feedPublisher.rebuild(showId);
    },
    'publish-scheduled': async ({ episodeId }) => publishing.publishDue(episodeId),
    'cleanup-uploads': async () => {
      await tus.cleanUpExpired();
    },
    ...social.handlers,
    transcribe: async ({ episodeId }, context) => transcription.run(episodeId, context.jobId),
  };
  const worker = createWorker({
    queue,
    handlers,
    logger: logger.child({ part: 'worker' }),
    concurrency: options.workerConcurrency ?? 1,
    pollIntervalMs: options.pollIntervalMs,
    leaseMs: options.leaseMs,
  });

  const app = createApp({
    logger,
    health: {
      database: async () => {
        await kysely.selectFrom('api_tokens').select('id').limit(1).execute();
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
      publishingRoutes({ publishing, episodes }),
      transcriptsRoutes({ transcripts, chapters }),
      ...social.apiRoutes,
    ],
    publicAreas: [
      // Before mediaRoutes: its /media/:showSlug/* would otherwise answer share.png with 404.
      ...social.publicRoutes,
      feedRoutes({
        feeds: feedDelivery,
        currentSlugFor: async (slug) => (await findShowBySlugHistory(kysely, slug))?.slug ?? null,
      }),
      webRoutes({
        catalog: createPublicCatalog({ db: kysely, store, urls, transcripts }),
        urls,
        mediaOrigins: options.mediaOrigins,
      }),
      mediaRoutes({
        media: createPublicMedia({ db: kysely }),
        textMedia: createPublicTextMedia({ db: kysely, transcripts }),
        store,
        analytics,
        logger,
      }),
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
    publishing,
    feedPublisher,
    feedDelivery,
    transcripts,
    chapters,
    urls,
  };
}

export type Container = ReturnType<typeof createContainer>;
