import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Clock } from './common/clock.js';
import type { Database } from './db/database.js';
import type { EpisodeIngest } from './domain/episode-ingest.js';
import { createAuditTrail } from './domain/staff/audit-trail.js';
import { createJobAttention } from './domain/staff/job-attention.js';
import { createRecentEpisodes } from './domain/staff/recent-episodes.js';
import { createShowScope } from './domain/staff/show-scope.js';
import { createSignInThrottle, type ThrottleLimits } from './domain/staff/sign-in-throttle.js';
import { createStaffMedia } from './domain/staff/staff-media.js';
import { createStaffSessions } from './domain/staff/staff-sessions.js';
import { createUsersService } from './domain/staff/users-service.js';
import { adminApp } from './http/admin/admin-app.js';
import type { StaffServices } from './http/admin/admin-deps.js';
import { showScope } from './http/middleware/show-scope.js';
import { jobsRoutes } from './http/routes/jobs-routes.js';
import { type ReadableDataStore, tusRoutes } from './http/routes/tus-routes.js';
import { usersRoutes } from './http/routes/users-routes.js';
import type { JobQueue } from './jobs/job-queue.js';
import { importLabels } from './web/admin/import-labels.js';
import { organisationLabels } from './web/admin/organisation-labels.js';

export interface StaffModuleDeps extends StaffServices {
  db: Kysely<Database>;
  clock: Clock;
  queue: JobQueue;
  tusDatastore: ReadableDataStore;
  ingest: EpisodeIngest;
  maxUploadBytes: number;
  poke?: () => void;
  /** Minutes without activity after which a session ends (60). */
  sessionIdleMinutes?: number;
  throttle?: Partial<ThrottleLimits>;
  /** Browser uploads go in PATCH requests of at most this size (50 MiB: under common proxy limits). */
  uploadChunkBytes?: number;
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
