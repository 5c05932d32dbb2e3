import { tmpdir } from 'node:os';
import { createAnalyticsModule } from './analytics/analytics-module.js';
// Not audio/index.js: that pulls in the ffmpeg wrapper and the tag reader, which only jobs use.
import { resolveMediaTools } from './audio/resolve-media-tools.js';
import type { ContainerOptions } from './container-options.js';
import { pingDatabase } from './db/ping-database.js';
import { createArtworkService } from './domain/artwork-service.js';
import { createChaptersService } from './domain/chapters-service.js';
import { createDomainEvents } from './domain/domain-events.js';
import { createEpisodeIngest } from './domain/episode-ingest.js';
import { connectEpisodeLifecycle } from './domain/episode-lifecycle.js';
import { createEpisodesService } from './domain/episodes-service.js';
import { createFeedDelivery } from './domain/feed-delivery.js';
import { createFeedJobs } from './domain/feed-jobs.js';
import { createFeedPublisher } from './domain/feed-publisher.js';
import { createMediaJobsModule } from './domain/media-jobs-module.js';
import { createOrganisationService } from './domain/organisation-service.js';
import { createPublicCatalog } from './domain/public-catalog.js';
import { createPublicMedia } from './domain/public-media.js';
import { createPublicTextMedia } from './domain/public-text-media.js';
import { createPublicUrls } from './domain/public-urls.js';
import { createPublishingService } from './domain/publishing-service.js';
import { createSearchService } from './domain/search-service.js';
import { createShowsService } from './domain/shows-service.js';
import { createTokensService } from './domain/tokens-service.js';
import { createTranscriptsService } from './domain/transcripts-service.js';
import { createApp } from './http/app.js';
import { artworkRoutes } from './http/routes/artwork-routes.js';
import { audioUploadRoutes } from './http/routes/audio-upload-routes.js';
import { feedRoutes } from './http/routes/feed-routes.js';
import { importsRoutes } from './http/routes/imports-routes.js';
import { jobsRoutes } from './http/routes/jobs-routes.js';
import { mediaRoutes } from './http/routes/media-routes.js';
import { organisationRoutes } from './http/routes/organisation-routes.js';
import { publishingRoutes } from './http/routes/publishing-routes.js';
import { searchApiRoutes } from './http/routes/search-api-routes.js';
import { shareImageRoutes, socialRoutes } from './http/routes/social-routes.js';
import { transcriptsRoutes } from './http/routes/transcripts-routes.js';
import { tusRoutes } from './http/routes/tus-routes.js';
import { webRoutes } from './http/routes/web-routes.js';
import { webhooksRoutes } from './http/routes/webhooks-routes.js';
import { createJobQueue } from './jobs/job-queue.js';
import { createWorker, type JobHandlers } from './jobs/worker.js';
import { createImportsModule } from './moving/imports-module.js';
import { createSocialModule } from './social/social-module.js';
import { createStaffModule } from './staff-module.js';

/**
 * Wires services, jobs and the HTTP app from already-opened drivers. main.ts opens the drivers
 * from config; tests pass their own (a SQLite in memory, a temp dir, s3rver): the same wiring.
 * Only connections here: what follows what lives in domain/episode-lifecycle.ts and the
 * social module, which listen to the domain events the services emit.
 */
export function createContainer(options: ContainerOptions) {
  const { db, store, logger, clock } = options;
  const kysely = db.kysely;
  const urls = createPublicUrls(options.baseUrl);
  const queue = createJobQueue({ db: kysely, dialect: db.dialect, clock });
  const events = createDomainEvents();
  const base = { db: kysely, clock };
  const social = createSocialModule({
    ...base,
    ...{ store, queue, urls, logger, events, webhookTimeoutMs: options.webhookTimeoutMs },
    allowPrivateUrls: options.allowPrivateUrls,
  });
  const publishing = createPublishingService({ ...base, queue, events });
  const tokens = createTokensService(base);
  const episodes = createEpisodesService({ ...base, store, urls, events });
  const feedPublisher = createFeedPublisher({ ...base, store, urls, feedsDir: options.feedsDir });
  const shows = createShowsService({
    ...base,
    store,
    urls,
    events,
    removal: { removeEpisode: episodes.remove, withdrawFeed: feedPublisher.remove },
  });
  const { maxUploadBytes, maxDurationSeconds } = options.limits;
  const ingest = createEpisodeIngest({ ...base, store, queue, maxUploadBytes });
  const transcripts = createTranscriptsService({ ...base, events });
  const chapters = createChaptersService({ ...base, events });
  const artwork = createArtworkService({ ...base, store });
  const feedDelivery = createFeedDelivery(base);
  const organisation = createOrganisationService({ ...base, store });
  const search = createSearchService({ ...base, dialect: db.dialect, urls });
  connectEpisodeLifecycle({
    ...base,
    events,
    queue,
    feed: { rebuild: publishing.rebuildFeed },
    transcripts,
    transcriberConfigured: Boolean(options.transcriberCommand),
  });
  const analytics = createAnalyticsModule({
    ...{ ...base, store, queue, logger, baseUrl: options.baseUrl },
    ...{ trustProxy: options.trustProxy, mediaOrigins: options.mediaOrigins },
  });
  const tus = tusRoutes({ datastore: options.tusDatastore, ingest, maxUploadBytes, logger });
  const media = createMediaJobsModule({
    ...base,
    store,
    tools: resolveMediaTools(options.media),
    tempDir: options.tempDir ?? tmpdir(),
    maxDurationSeconds,
    defaultTargetLufs: options.loudnessTargetLufs,
    adoptCover: async (episodeId, { format, data }) =>
      void (await artwork.setEpisodeArtwork(episodeId, format, data)),
    events,
    transcripts,
    transcriberCommand: options.transcriberCommand,
  });

  const moving = createImportsModule({
    ...{ ...base, store, queue, events, logger, tools: resolveMediaTools(options.media), options },
    ...{ shows, ingest, artwork, transcripts, rebuildFeed: publishing.rebuildFeed },
  });
  const handlers: JobHandlers = {
    ...media.handlers,
    ...moving.handlers,
    ...social.handlers,
    ...createFeedJobs({ feed: feedPublisher, search }).handlers,
    ...analytics.handlers,
    'publish-scheduled': async ({ episodeId }) => publishing.publishDue(episodeId),
    'cleanup-uploads': async () => void (await tus.cleanUpExpired()),
  };
  const worker = createWorker({
    queue,
    handlers,
    logger: logger.child({ part: 'worker' }),
    concurrency: options.workerConcurrency ?? 1,
    pollIntervalMs: options.pollIntervalMs,
    leaseMs: options.leaseMs,
  });

  const staff = createStaffModule({
    ...base,
    ...{
      store,
      logger,
      queue,
      baseUrl: options.baseUrl,
      tusDatastore: options.tusDatastore,
      ingest,
      maxUploadBytes,
    },
    ...{ tokens, shows, episodes, publishing, artwork, transcripts, chapters },
    ...{ drafts: social.drafts, webhooks: social.webhooks, poke: () => worker.poke() },
    defaultLoudnessLufs: options.loudnessTargetLufs,
    uploadChunkBytes: options.uploadChunkBytes,
    mediaOrigins: options.mediaOrigins,
    trustProxy: options.trustProxy,
  });

  const app = createApp({
    logger,
    corsOrigins: options.corsOrigins,
    baseUrl: options.baseUrl,
    health: { database: () => pingDatabase(kysely), storage: () => store.ping() },
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
      socialRoutes({ drafts: social.drafts }),
      webhooksRoutes({ webhooks: social.webhooks }),
      organisationRoutes({ organisation, logoUrl: (key) => `${urls.base}/${key}` }),
      ...analytics.apiRoutes,
      importsRoutes(moving),
      ...staff.apiRoutes,
    ],
    adminArea: staff.adminApp,
    apiGuards: staff.apiGuards,
    openApiAreas: [searchApiRoutes({ search })],
    publicAreas: [
      // Before mediaRoutes: its /media/:showSlug/* would otherwise answer share.png with 404.
      shareImageRoutes({ shareImages: social.shareImages, store }),
      ...analytics.publicRoutes,
      feedRoutes({ feeds: feedDelivery, currentSlugFor: shows.currentSlugFor }),
      feedRoutes({
        feeds: feedDelivery,
        currentSlugFor: shows.currentSlugFor,
        movedFeedFor: moving.movedFeedFor,
      }),
      webRoutes({
        catalog: createPublicCatalog({
          ...base,
          ...{ store, urls, transcripts, transcriberConfigured: Boolean(options.transcriberCommand) },
        }),
        urls,
        mediaOrigins: options.mediaOrigins,
        organisation,
        search,
      }),
      mediaRoutes({
        media: createPublicMedia(base),
        textMedia: createPublicTextMedia({ ...base, transcripts }),
        store,
        downloads: analytics.recorder,
        logger,
        clientIp: analytics.clientIp,
      }),
    ],
  });

  const services = { tokens, shows, episodes, ingest, artwork, publishing, transcripts, chapters, social };
  const imports = moving.imports;
  return {
    app,
    worker,
    queue,
    feedPublisher,
    feedDelivery,
    urls,
    organisation,
    search,
    analytics,
    imports,
    staff,
    ...services,
  };
}

export type Container = ReturnType<typeof createContainer>;
