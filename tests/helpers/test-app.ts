import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Clock } from '../../src/common/clock.js';
import { createLogger } from '../../src/common/logger.js';
import { type Container, createContainer } from '../../src/container.js';
import type { Db } from '../../src/db/create-db.js';
import type { Role } from '../../src/domain/tokens-service.js';
import type { TrustProxy } from '../../src/net/client-address.js';
import type { BlobStore } from '../../src/storage/blob-store.js';
import { createFsStore } from '../../src/storage/fs-store.js';
import { createTusDatastore, type TusStorageConfig } from '../../src/uploads/create-tus-datastore.js';
import type { TestDatabase } from './test-databases.js';

export interface TestApp extends Container {
  db: Db;
  baseUrl: string;
  dir: string;
  store: BlobStore;
  tokenFor(role: Role): Promise<string>;
  /** app.request with a bearer token and JSON body handled. */
  call(
    method: string,
    path: string,
    options?: { token?: string; json?: unknown; headers?: Record<string, string>; body?: BodyInit },
  ): Promise<Response>;
  close(): Promise<void>;
}

/** The real app wired by the real container, on a test database and a temp directory. */
export async function openTestApp(
  database: TestDatabase,
  overrides: {
    store?: BlobStore;
    maxUploadBytes?: number;
    transcriberCommand?: string;
    /** A clock the test moves (retries wait for their backoff on it). */
    clock?: Clock;
    /** TRUST_PROXY as parsed (download counting tests come through 127.0.0.1 with X-Forwarded-For). */
    trustProxy?: TrustProxy;
    webhookTimeoutMs?: number;
    /** Browser origins allowed to call the API (CORS_ORIGINS). */
    corsOrigins?: string[];
    /** ALLOW_PRIVATE_URLS (default false, as in production): webhooks to 127.0.0.1 receivers need it. */
    allowPrivateUrls?: boolean;
    /** Caps on a feed an import reads. */
    importFeedLimits?: { maxBytes: number; timeoutMs: number };
    /** Chunk size of browser uploads on the staff screens. */
    uploadChunkBytes?: number;
    /** WEBSUB_HUB_URL: the hub feeds name and pings go to. */
    websubHubUrl?: string;
    /** BASE_URL (default http://zender.test): a test serving the app on a socket passes that origin (see listenFirst). */
    baseUrl?: string;
    /** Where unfinished tus uploads wait: by default a folder `uploads` in `dir`, expiring after 1 hour. */
    tus?: {
      expiryHours?: number;
      s3?: Omit<Extract<TusStorageConfig, { driver: 's3' }>, 'driver' | 'expiryHours'>;
    };
  } = {},
): Promise<TestApp> {
  const db = await database.open();
  const dir = mkdtempSync(path.join(tmpdir(), 'zender-test-'));
  const store = overrides.store ?? createFsStore({ root: path.join(dir, 'media') });
  const baseUrl = overrides.baseUrl ?? 'http://zender.test';
  const container = createContainer({
    db,
    store,
    tusDatastore: await createTusDatastore(
      overrides.tus?.s3
        ? { driver: 's3', ...overrides.tus.s3, expiryHours: overrides.tus.expiryHours ?? 1 }
        : { driver: 'fs', dir: path.join(dir, 'uploads'), expiryHours: overrides.tus?.expiryHours ?? 1 },
    ),
    logger: createLogger({ level: 'silent' }),
    clock: overrides.clock ?? { now: () => new Date() },
    baseUrl,
    feedsDir: path.join(dir, 'feeds'),
    limits: { maxUploadBytes: overrides.maxUploadBytes ?? 50 * 1024 * 1024, maxDurationSeconds: 6 * 3600 },
    loudnessTargetLufs: -16,
    media: {},
    pollIntervalMs: 50,
    tempDir: dir,
    transcriberCommand: overrides.transcriberCommand,
    webhookTimeoutMs: overrides.webhookTimeoutMs,
    corsOrigins: overrides.corsOrigins,
    allowPrivateUrls: overrides.allowPrivateUrls,
    trustProxy: overrides.trustProxy,
    importFeedLimits: overrides.importFeedLimits,
    uploadChunkBytes: overrides.uploadChunkBytes,
    websubHubUrl: overrides.websubHubUrl,
  });
  const tokens = new Map<Role, string>();
  const testApp: TestApp = {
    ...container,
    db,
    baseUrl,
    dir,
    store,
    async tokenFor(role) {
      if (!tokens.has(role)) tokens.set(role, (await container.tokens.create(`test ${role}`, role)).token);
      return tokens.get(role)!;
    },
    async call(method, urlPath, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      const token = options.token ?? (await testApp.tokenFor('admin'));
      if (token) headers.authorization = `Bearer ${token}`;
      let body = options.body;
      if (options.json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(options.json);
      }
      return container.app.request(`${baseUrl}${urlPath}`, {
        method,
        headers,
        body,
        duplex: 'half',
      } as RequestInit);
    },
    async close() {
      await container.worker.stop();
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return testApp;
}

export const minimalShow = {
  title: 'Mensenrechten dichtbij',
  description: 'Gesprekken met gemeenten over mensenrechten in de praktijk.',
  author: 'Kennisplatform',
  owner: { email: 'podcast@example.nl' },
};
