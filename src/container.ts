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
import { createFeedInspection } from './domain/feed-inspection.js';
import { createFeedJobs } from './domain/feed-jobs.js';
import { createFeedPublisher } from './domain/feed-publisher.js';
import { createMediaJobsModule } from './domain/media-jobs-module.js';
import { createPublicUrls } from './domain/public-urls.js';
import { createPublishingService } from './domain/publishing-service.js';
import { createShowsService } from './domain/shows-service.js';
import { createTokensService } from './domain/tokens-service.js';
import { createTranscriptsService } from './domain/transcripts-service.js';
import { createApp } from './http/app.js';
import { artworkRoutes } from './http/routes/artwork-routes.js';
import { audioUploadRoutes } from './http/routes/audio-upload-routes.js';
import { importsRoutes } from './http/routes/imports-routes.js';
import { jobsRoutes } from './http/routes/jobs-routes.js';
import { publishingRoutes } from './http/routes/publishing-routes.js';
import { socialRoutes } from './http/routes/social-routes.js';
import { transcriptsRoutes } from './http/routes/transcripts-routes.js';
import { tusRoutes } from './http/routes/tus-routes.js';
import { webhooksRoutes } from './http/routes/webhooks-routes.js';
import { createJobQueue } from './jobs/job-queue.js';
import { createWorker, type JobHandlers } from './jobs/worker.js';
import { createImportsModule } from './moving/imports-module.js';
import { createGuardedFetch } from './net/guarded-fetch.js';
import { createPublicSite } from './public-site-module.js';
import { createSocialModule } from './social/social-module.js';
import { createStaffModule } from './staff-module.js';
import { createWebSub } from './websub/websub-hub.js';

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
  const websub = createWebSub({
    ...{ db: kysely, queue, logger: logger.child({ part: 'websub' }) },
    ...{ hubUrl: options.websubHubUrl, allowPrivateUrls: options.allowPrivateUrls },
  });
  const feedPublisher = createFeedPublisher({
    ...{ ...base, store, urls, feedsDir: options.feedsDir },
    ...{ hubUrl: websub.hubUrl, onChanged: websub.feedChanged },
  });
  // Enclosures are probed as a podcast app reaches them: through the outbound address rule.
  const inspection = createFeedInspection({
    ...{ rules: publishing, feed: feedPublisher },
    fetch: createGuardedFetch({ allowPrivate: options.allowPrivateUrls ?? false }),
  });
  const removal = { removeEpisode: episodes.remove, withdrawFeed: feedPublisher.remove };
  const shows = createShowsService({ ...base, ...{ store, urls, events, removal } });
  const { maxUploadBytes, maxDurationSeconds } = options.limits;
  const ingest = createEpisodeIngest({ ...base, store, queue, maxUploadBytes });
  const transcripts = createTranscriptsService({ ...base, events });
  const chapters = createChaptersService({ ...base, events });
  const artwork = createArtworkService({ ...base, store });
  const feedDelivery = createFeedDelivery({ ...base, feedUrl: urls.feedUrl });
  const transcriberConfigured = Boolean(options.transcriberCommand);
  const feed = { rebuild: publishing.rebuildFeed };
  const lifecycle = connectEpisodeLifecycle({
    ...base,
    ...{ events, queue, feed, transcripts, transcriberConfigured },
  });
  const analytics = createAnalyticsModule({
    ...{ ...base, store, queue, logger, baseUrl: options.baseUrl },
    ...{ trustProxy: options.trustProxy, mediaOrigins: options.mediaOrigins },
  });
  const tus = tusRoutes({ datastore: options.tusDatastore, ingest, maxUploadBytes, logger });
  const tools = resolveMediaTools(options.media);
  const media = createMediaJobsModule({
    ...{ ...base, store, tools, tempDir: options.tempDir ?? tmpdir(), maxDurationSeconds, events },
    ...{ transcripts, transcriberCommand: options.transcriberCommand },
    defaultTargetLufs: options.loudnessTargetLufs,
    adoptCover: async (episodeId, { format, data }) =>
      void (await artwork.setEpisodeArtwork(episodeId, format, data)),
  });
  const moving = createImportsModule({
    ...{ ...base, store, queue, events, logger, tools, options },
    ...{ shows, ingest, artwork, transcripts, rebuildFeed: publishing.rebuildFeed },
  });
  const site = createPublicSite({
    ...{ db, clock, store, logger, urls, shows, transcripts, feedDelivery, social, analytics },
    ...{ movedFeedFor: moving.movedFeedFor, mediaOrigins: options.mediaOrigins },
    transcriberConfigured,
  });
  const handlers: JobHandlers = {
    ...media.handlers,
    ...lifecycle.handlers,
    ...moving.handlers,
    ...social.handlers,
    ...createFeedJobs({ feed: feedPublisher, search: site.search }).handlers,
    ...analytics.handlers,
    ...websub.handlers,
    'publish-scheduled': async ({ episodeId }) => publishing.publishDue(episodeId),
    'cleanup-uploads': async () => void (await tus.cleanUpExpired()),
  };
  const worker = createWorker({
    ...{ queue, handlers, logger: logger.child({ part: 'worker' }), leaseMs: options.leaseMs },
    ...{ concurrency: options.workerConcurrency ?? 1, pollIntervalMs: options.pollIntervalMs },
  });

  const staff = createStaffModule({
    ...{ ...base, store, logger, queue, baseUrl: options.baseUrl, tusDatastore: options.tusDatastore },
    ...{ ingest, maxUploadBytes, tokens, shows, episodes, publishing, inspection, artwork, transcripts },
    chapters,
    ...{ drafts: social.drafts, webhooks: social.webhooks, poke: () => worker.poke() },
    ...{ defaultLoudnessLufs: options.loudnessTargetLufs, uploadChunkBytes: options.uploadChunkBytes },
    ...{ mediaOrigins: options.mediaOrigins, trustProxy: options.trustProxy },
    moving: { imports: moving.imports, exporter: moving.exporter },
    ...{ reports: analytics.reports, organisation: site.organisation },
  });

  const app = createApp({
    ...{ logger, corsOrigins: options.corsOrigins, baseUrl: options.baseUrl, shows, episodes, tokens },
    health: { database: () => pingDatabase(kysely), storage: () => store.ping() },
    apiAreas: [
      tus.app,
      audioUploadRoutes({ ingest }),
      artworkRoutes({ artwork }),
      jobsRoutes({ queue, episodes }),
      publishingRoutes({ publishing, episodes, inspection }),
      transcriptsRoutes({ transcripts, chapters }),
      socialRoutes({ drafts: social.drafts }),
      webhooksRoutes({ webhooks: social.webhooks }),
      ...site.apiAreas,
      ...analytics.apiRoutes,
      importsRoutes(moving),
      ...staff.apiRoutes,
    ],
    ...{ adminArea: staff.adminApp, apiGuards: staff.apiGuards },
    ...{ openApiAreas: site.openApiAreas, publicAreas: site.publicAreas },
  });

  const services = { tokens, shows, episodes, ingest, artwork, publishing, transcripts, chapters, social };
  const more = { organisation: site.organisation, search: site.search, imports: moving.imports };
  return {
    ...{ app, worker, queue, feedPublisher, feedDelivery, urls, analytics, staff, websub },
    ...services,
    ...more,
  };
}

export type Container = ReturnType<typeof createContainer>;
