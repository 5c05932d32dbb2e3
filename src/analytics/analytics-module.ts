import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Clock } from '../common/clock.js';
import type { Logger } from '../common/logger.js';
import type { Database } from '../db/database.js';
import { createDownloadFold } from '../domain/download-fold.js';
import { createDownloadRecorder } from '../domain/download-recorder.js';
import { createDownloadReports } from '../domain/download-reports.js';
import type { AppEnv } from '../http/app-env.js';
import { downloadsRoutes } from '../http/routes/downloads-routes.js';
import { downloadsWebRoutes } from '../http/routes/downloads-web-routes.js';
import { socketAddress } from '../http/routes/media-routes.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { clientAddress, type TrustProxy } from '../net/client-address.js';
import type { BlobStore } from '../storage/blob-store.js';
import { createUserAgentClassifier } from './user-agent-kind.js';

export interface AnalyticsModuleDeps {
  db: Kysely<Database>;
  store: BlobStore;
  clock: Clock;
  queue: JobQueue;
  logger: Logger;
  baseUrl: string;
  /** TRUST_PROXY, parsed: whose X-Forwarded-For names the client. */
  trustProxy?: TrustProxy;
  /** Origins media may be redirected to (S3_PUBLIC_URL), for the pages' CSP. */
  mediaOrigins?: string[];
  /** How often the recurring fold runs (ms). */
  foldEveryMs?: number;
}

/** The job kind this module adds. */
export interface AnalyticsJobPayloads {
  'fold-downloads': Record<string, never>;
}

/**
 * Download counting in one piece for the composition root: the recorder the media route calls,
 * the fold (a recurring job and POST /downloads/fold), the reports API, and the public pages.
 */
export function createAnalyticsModule(deps: AnalyticsModuleDeps) {
  const { db, store, clock, queue, logger } = deps;
  const foldEveryMs = deps.foldEveryMs ?? 5 * 60_000;
  const trust = deps.trustProxy ?? [];
  const recorder = createDownloadRecorder({ db, clock, logger: logger.child({ part: 'downloads' }) });
  const folder = createDownloadFold({ db, store, clock, classify: createUserAgentClassifier() });
  const reports = createDownloadReports({ db, clock });

  /** Writes this process's waiting requests, then folds all but the last moments' (other processes' buffers). */
  async function foldNow(marginMs = 3000) {
    await recorder.flush();
    return folder.fold({ marginMs });
  }

  async function scheduleFold(): Promise<void> {
    await queue.enqueue(
      'fold-downloads',
      {},
      { dedupeKey: 'fold-downloads', runAt: new Date(clock.now().getTime() + foldEveryMs) },
    );
  }

  return {
    recorder,
    reports,
    foldNow,
    /** Queues the first recurring fold (each run queues the next); call once where workers start. */
    scheduleFold,
    clientIp: (c: Context) => clientAddress(socketAddress(c), c.req.header('x-forwarded-for'), trust),
    apiRoutes: [downloadsRoutes({ reports, fold: () => foldNow() })] as OpenAPIHono<AppEnv>[],
    publicRoutes: [
      downloadsWebRoutes({ reports, baseUrl: deps.baseUrl, mediaOrigins: deps.mediaOrigins }),
    ] as Hono[],
    handlers: {
      'fold-downloads': async () => {
        // The next run is queued first, so a failing fold never ends the schedule.
        await scheduleFold();
        await foldNow(60_000);
      },
    } satisfies { [K in keyof AnalyticsJobPayloads]: (payload: AnalyticsJobPayloads[K]) => Promise<void> },
  };
}

export type AnalyticsModule = ReturnType<typeof createAnalyticsModule>;
