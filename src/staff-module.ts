import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from './db/database.js';
import type { ArtworkService } from './domain/artwork-service.js';
import type { ChaptersService } from './domain/chapters-service.js';
import type { DownloadReports } from './domain/download-reports.js';
import type { EpisodeIngest } from './domain/episode-ingest.js';
import type { EpisodesService } from './domain/episodes-service.js';
import type { FeedInspection } from './domain/feed-inspection.js';
import type { OrganisationService } from './domain/organisation-service.js';
import type { PublishingService } from './domain/publishing-service.js';
import type { ShowsService } from './domain/shows-service.js';
import { createAuditTrail } from './domain/staff/audit-trail.js';
import { createJobAttention } from './domain/staff/job-attention.js';
import { createRecentEpisodes } from './domain/staff/recent-episodes.js';
import { createShowScope } from './domain/staff/show-scope.js';
import { createSignInThrottle, type ThrottleLimits } from './domain/staff/sign-in-throttle.js';
import { createStaffMedia } from './domain/staff/staff-media.js';
import { createStaffSessions } from './domain/staff/staff-sessions.js';
import { createUsersService } from './domain/staff/users-service.js';
import type { TokensService } from './domain/tokens-service.js';
import type { TranscriptsService } from './domain/transcripts-service.js';
import { adminApp } from './http/admin/admin-app.js';
import type { ImportAdminDeps } from './http/admin/import-admin-routes.js';
import { showScope } from './http/middleware/show-scope.js';
import { jobsRoutes } from './http/routes/jobs-routes.js';
import { type ReadableDataStore, tusRoutes } from './http/routes/tus-routes.js';
import { usersRoutes } from './http/routes/users-routes.js';
import type { JobQueue } from './jobs/job-queue.js';
import type { TrustProxy } from './net/client-address.js';
import type { Clock } from './shared/clock.js';
import type { Logger } from './shared/logger.js';
import { type Channel, channelRules, channels } from './social/channels.js';
import { measureLength } from './social/measure-length.js';
import type { SocialDraftsService } from './social/social-drafts-service.js';
import type { BlobStore } from './storage/blob-store.js';
import type { NavItem } from './web/admin/admin-context.js';
import { importLabels } from './web/admin/import-labels.js';
import { organisationLabels } from './web/admin/organisation-labels.js';
import type { WebhooksService } from './webhooks/webhooks-service.js';

export interface StaffModuleDeps {
  db: Kysely<Database>;
  store: BlobStore;
  clock: Clock;
  logger: Logger;
  queue: JobQueue;
  baseUrl: string;
  tusDatastore: ReadableDataStore;
  ingest: EpisodeIngest;
  maxUploadBytes: number;
  defaultLoudnessLufs: number;
  tokens: TokensService;
  shows: ShowsService;
  episodes: EpisodesService;
  publishing: PublishingService;
  /** The whole feed check (rules, read-back, enclosure probes), on its own staff screen. */
  inspection: FeedInspection;
  artwork: ArtworkService;
  transcripts: TranscriptsService;
  chapters: ChaptersService;
  drafts: SocialDraftsService;
  webhooks: WebhooksService;
  poke?: () => void;
  /** Minutes without activity after which a session ends (60). */
  sessionIdleMinutes?: number;
  throttle?: Partial<ThrottleLimits>;
  /** Browser uploads go in PATCH requests of at most this size (50 MiB: under common proxy limits). */
  uploadChunkBytes?: number;
  /** TRUST_PROXY: whose X-Forwarded-For names the client, for sign-in throttling per address. */
  trustProxy?: TrustProxy;
  /** S3 or CDN origins media comes from, for the screens' CSP. */
  mediaOrigins?: string[];
  /** Menu entries other areas add to the staff screens. */
  nav?: NavItem[];
  /** RSS imports and export archives, for the moving-in screens. */
  moving?: Pick<ImportAdminDeps, 'imports' | 'exporter'>;
  /** Download reports, for the downloads screens. */
  reports?: DownloadReports;
  /** The organisation behind the public pages, for its screen. */
  organisation?: OrganisationService;
}

/**
 * The staff interface in one piece for the composition root: accounts, sessions, the audit
 * trail, the /admin screens (with their own session-authenticated tus endpoint and events
 * stream, so a session never reaches /api) and the /api/v1/users routes.
 */
export function createStaffModule(deps: StaffModuleDeps) {
  const { db, clock } = deps;
  const users = createUsersService({ db, clock });
  const sessions = createStaffSessions({ db, clock, idleMinutes: deps.sessionIdleMinutes });
  const audit = createAuditTrail({ db, clock });
  const uploads = tusRoutes({
    datastore: deps.tusDatastore,
    ingest: deps.ingest,
    maxUploadBytes: deps.maxUploadBytes,
    logger: deps.logger,
    basePath: '/admin',
  });
  const admin = adminApp({
    ...deps,
    nav: [
      ...(deps.nav ?? []),
      ...(deps.moving
        ? [
            {
              href: '/admin/imports',
              label: { nl: importLabels.nl.nav, en: importLabels.en.nav },
              role: 'editor' as const,
            },
          ]
        : []),
      ...(deps.organisation
        ? [
            {
              href: '/admin/organisation',
              label: { nl: organisationLabels.nl.title, en: organisationLabels.en.title },
              role: 'admin' as const,
            },
          ]
        : []),
    ],
    users,
    sessions,
    throttle: createSignInThrottle({ db, clock, limits: deps.throttle }),
    audit,
    jobs: createJobAttention({ db, clock, poke: deps.poke }),
    recentEpisodes: createRecentEpisodes({ db, episodes: deps.episodes }),
    media: createStaffMedia({ db, store: deps.store }),
    measure: (channel, text) =>
      (channels as readonly string[]).includes(channel)
        ? { length: measureLength(channel as Channel, text), limit: channelRules[channel as Channel].limit }
        : null,
    uploads: uploads.app,
    events: jobsRoutes({ queue: deps.queue, episodes: deps.episodes }),
    secureCookies: deps.baseUrl.startsWith('https:'),
    uploadChunkBytes: deps.uploadChunkBytes ?? 50 * 1024 * 1024,
  });
  return {
    users,
    sessions,
    audit,
    /** Mounted at /admin among the public areas (it does its own authentication). */
    adminApp: admin as Hono<any>,
    apiRoutes: [usersRoutes({ users, baseUrl: deps.baseUrl })],
    /** Tokens limited to some shows reach only those. */
    apiGuards: [showScope({ showOf: createShowScope({ db }) })],
  };
}

export type StaffModule = ReturnType<typeof createStaffModule>;
