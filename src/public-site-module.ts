import type { Hono } from 'hono';
import type { AnalyticsModule } from './analytics/analytics-module.js';
import type { Clock } from './common/clock.js';
import type { Logger } from './common/logger.js';
import type { Db } from './db/create-db.js';
import type { FeedDelivery } from './domain/feed-delivery.js';
import { createOrganisationService } from './domain/organisation-service.js';
import { createPublicCatalog } from './domain/public-catalog.js';
import { createPublicMedia } from './domain/public-media.js';
import { createPublicTextMedia } from './domain/public-text-media.js';
import type { PublicUrls } from './domain/public-urls.js';
import { createSearchService } from './domain/search-service.js';
import type { ShowsService } from './domain/shows-service.js';
import type { TranscriptsService } from './domain/transcripts-service.js';
import { feedRoutes } from './http/routes/feed-routes.js';
import { mediaRoutes } from './http/routes/media-routes.js';
import { organisationRoutes } from './http/routes/organisation-routes.js';
import { searchApiRoutes } from './http/routes/search-api-routes.js';
import { shareImageRoutes } from './http/routes/social-routes.js';
import { webRoutes } from './http/routes/web-routes.js';
import type { SocialModule } from './social/social-module.js';
import type { BlobStore } from './storage/blob-store.js';

export interface PublicSiteDeps {
  db: Db;
  clock: Clock;
  store: BlobStore;
  logger: Logger;
  urls: PublicUrls;
  shows: ShowsService;
  transcripts: TranscriptsService;
  feedDelivery: FeedDelivery;
  social: SocialModule;
  analytics: AnalyticsModule;
  /** The new feed URL of a show that moved away, once its grace period is over (301). */
  movedFeedFor: (slug: string) => Promise<string | null>;
  transcriberConfigured: boolean;
  /** Origins media is redirected to besides zender (S3_PUBLIC_URL, a CDN), allowed in the CSP. */
  mediaOrigins?: string[];
}

/**
 * Everything anyone may read without a token, in one place: feeds, media, the public pages and
 * embeds, search, and the organisation whose site it is. The order of the areas matters (see
 * below); the rules each follows live in their services.
 */
export function createPublicSite(deps: PublicSiteDeps) {
  const { db, clock, store, urls, transcripts } = deps;
  const base = { db: db.kysely, clock };
  const organisation = createOrganisationService({ ...base, store });
  const search = createSearchService({ ...base, dialect: db.dialect, urls });
  const catalog = createPublicCatalog({
    ...base,
    ...{ store, urls, transcripts, transcriberConfigured: deps.transcriberConfigured },
  });
  const areas: Hono<any>[] = [
    // Before mediaRoutes: its /media/:showSlug/* would otherwise answer share.png with 404.
    shareImageRoutes({ shareImages: deps.social.shareImages, store }),
    ...deps.analytics.publicRoutes,
    feedRoutes({
      feeds: deps.feedDelivery,
      currentSlugFor: deps.shows.currentSlugFor,
      movedFeedFor: deps.movedFeedFor,
    }),
    webRoutes({ catalog, urls, mediaOrigins: deps.mediaOrigins, organisation, search }),
    mediaRoutes({
      media: createPublicMedia(base),
      textMedia: createPublicTextMedia({ ...base, transcripts }),
      store,
      downloads: deps.analytics.recorder,
      logger: deps.logger,
      clientIp: deps.analytics.clientIp,
    }),
  ];
  // Search is public like the pages it points to, so it is mounted ahead of the API's token check.
  return {
    organisation,
    search,
    publicAreas: areas,
    openApiAreas: [searchApiRoutes({ search })],
    /** The organisation's settings, behind the API's token check like the rest of /api/v1. */
    apiAreas: [organisationRoutes({ organisation, logoUrl: (key) => `${urls.base}/${key}` })],
  };
}
