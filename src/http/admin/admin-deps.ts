import type { Hono } from 'hono';
import type { Logger } from '../../common/logger.js';
import type { ArtworkService } from '../../domain/artwork-service.js';
import type { ChaptersService } from '../../domain/chapters-service.js';
import type { DownloadReports } from '../../domain/download-reports.js';
import type { Episode } from '../../domain/episode.js';
import type { EpisodesService } from '../../domain/episodes-service.js';
import type { FeedInspection } from '../../domain/feed-inspection.js';
import type { OrganisationService } from '../../domain/organisation-service.js';
import type { PublishingService } from '../../domain/publishing-service.js';
import type { ShowsService } from '../../domain/shows-service.js';
import type { AuditTrail } from '../../domain/staff/audit-trail.js';
import type { JobAttention } from '../../domain/staff/job-attention.js';
import type { SignInThrottle } from '../../domain/staff/sign-in-throttle.js';
import type { StaffMedia } from '../../domain/staff/staff-media.js';
import type { StaffSessions } from '../../domain/staff/staff-sessions.js';
import type { UsersService } from '../../domain/staff/users-service.js';
import type { TokensService } from '../../domain/tokens-service.js';
import type { TranscriptsService } from '../../domain/transcripts-service.js';
import type { TrustProxy } from '../../net/client-address.js';
import type { SocialDraftsService } from '../../social/social-drafts-service.js';
import type { BlobStore } from '../../storage/blob-store.js';
import type { NavItem } from '../../web/admin/admin-context.js';
import type { WebhooksService } from '../../webhooks/webhooks-service.js';
import type { ImportAdminDeps } from './import-admin-routes.js';

/**
 * What the staff interface is handed from the rest of zender (staff-module.ts passes it on to
 * the screens as it is): the same services the JSON API uses, and the settings it needs.
 */
export interface StaffServices {
  logger: Logger;
  store: BlobStore;
  tokens: TokensService;
  shows: ShowsService;
  episodes: EpisodesService;
  publishing: PublishingService;
  inspection: FeedInspection;
  artwork: ArtworkService;
  transcripts: TranscriptsService;
  chapters: ChaptersService;
  drafts: SocialDraftsService;
  webhooks: WebhooksService;
  /** TRUST_PROXY: whose X-Forwarded-For names the client, for sign-in throttling per address. */
  trustProxy?: TrustProxy;
  /** S3 or CDN origins media is redirected to (the pages' CSP allows them). */
  mediaOrigins?: string[];
  /** BASE_URL, for the invitation links staff copy. */
  baseUrl: string;
  defaultLoudnessLufs: number;
  /** Extra menu entries from other areas (downloads, imports). */
  nav?: NavItem[];
  /** RSS imports and export archives (the moving-in screens appear only with these). */
  moving?: Pick<ImportAdminDeps, 'imports' | 'exporter'>;
  /** Download reports (the downloads screens appear only with these). */
  reports?: DownloadReports;
  /** The organisation behind the public pages (its screen appears only with this). */
  organisation?: OrganisationService;
}

/** Everything the staff screens use: those services, and the staff's own that staff-module.ts makes. */
export interface AdminDeps extends StaffServices {
  users: UsersService;
  sessions: StaffSessions;
  throttle: SignInThrottle;
  audit: AuditTrail;
  jobs: JobAttention;
  media: StaffMedia;
  recentEpisodes: (showIds: string[] | null, limit: number) => Promise<Episode[]>;
  /** tus uploads under /admin/uploads (the same ingest as /api/v1/uploads). */
  uploads: Hono<any>;
  /** The processing events stream, mounted at /admin/episodes/:episodeId/events. */
  events: Hono<any>;
  /** tus chunk size for the browser upload (each PATCH at most this big; proxies limit bodies). */
  uploadChunkBytes: number;
  secureCookies: boolean;
}
