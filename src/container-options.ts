import type { Clock } from './common/clock.js';
import type { Logger } from './common/logger.js';
import type { Db } from './db/create-db.js';
import type { ReadableDataStore } from './http/routes/tus-routes.js';
import type { TrustProxy } from './net/client-address.js';
import type { BlobStore } from './storage/blob-store.js';

/** What createContainer takes: opened drivers and the settings the parts need. */
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
  /** Per webhook delivery attempt; 10 s unless a test wants a quicker timeout. */
  webhookTimeoutMs?: number;
  /** Browser origins allowed to call the API (CORS_ORIGINS). */
  corsOrigins?: readonly string[];
  /** ALLOW_PRIVATE_URLS: user-given URLs (webhooks) may reach loopback and private addresses. */
  allowPrivateUrls?: boolean;
  /** TRUST_PROXY: whose X-Forwarded-For names the client (download counting, sign-in throttling). */
  trustProxy?: TrustProxy;
  /** Caps on a feed an import reads (default 20 MB, 60 s); tests lower them. */
  importFeedLimits?: { maxBytes: number; timeoutMs: number };
  /** Size of each PATCH of a browser upload on the staff screens (default 50 MiB). */
  uploadChunkBytes?: number;
  /** WEBSUB_HUB_URL: the hub every feed names and every feed change is announced to. */
  websubHubUrl?: string;
}
