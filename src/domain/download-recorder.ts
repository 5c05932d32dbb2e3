import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { countableBytes } from '../analytics/count-downloads.js';
import { listenerKey } from '../analytics/listener-key.js';
import type { Clock } from '../common/clock.js';
import type { Logger } from '../common/logger.js';
import type { Database, DownloadRequestsTable } from '../db/database.js';
import { insertDownloadRequests, saltForDay } from '../db/repositories/analytics-repository.js';

/** One enclosure request as the media route answered it. */
export interface EnclosureRequest {
  episodeId: string;
  method: string;
  status: number;
  /** Bytes served (or, for a redirect, asked for); null when none were. */
  range: { start: number; end: number } | null;
  fileSize: number;
  /** The client address, used for the listener hash only and then forgotten. */
  address: string | null;
  userAgent: string | null;
  /** Asked for by zender's own player (embed, public pages). */
  webPlayer: boolean;
}

export interface DownloadRecorderOptions {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  /** How long a request may wait in memory before it is written (ms). */
  flushMs?: number;
  /** Written at once when this many wait. */
  batchSize?: number;
}

const USER_AGENT_MAX = 500;

/**
 * Records enclosure requests without slowing the media path: the listener hash is made at once
 * (so the address never leaves this call), rows wait in memory and are written in batches, one
 * statement per batch. A crash loses at most `flushMs` of requests; counts are estimates anyway.
 * The day's secret is read from the database once per day and held only while it is that day.
 */
export function createDownloadRecorder(options: DownloadRecorderOptions) {
  const { db, clock, logger } = options;
  const flushMs = options.flushMs ?? 2000;
  const batchSize = options.batchSize ?? 1000;
  let secret: { day: string; value: string } | null = null;
  let loading: { day: string; promise: Promise<string> } | null = null;
  let buffer: DownloadRequestsTable[] = [];
  const waiting = new Set<Promise<unknown>>();
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();

  function secretFor(day: string): Promise<string> {
    if (loading?.day !== day) {
      const promise = saltForDay(db, day, () => randomBytes(32).toString('hex')).then((value) => {
        secret = { day, value };
        return value;
      });
      loading = { day, promise };
      promise.catch(() => {
        if (loading?.promise === promise) loading = null;
      });
    }
    return loading.promise;
  }

  function push(request: EnclosureRequest, at: Date, key: string, userAgent: string): void {
    buffer.push({
      episode_id: request.episodeId,
      at: at.toISOString(),
      listener: key,
      user_agent: userAgent || null,
      web_player: request.webPlayer ? 1 : 0,
      method: request.method,
      status: request.status,
      range_start: request.range?.start ?? null,
      range_end: request.range?.end ?? null,
      file_size: request.fileSize,
      countable_bytes: countableBytes({
        method: request.method,
        status: request.status,
        rangeStart: request.range?.start ?? null,
        rangeEnd: request.range?.end ?? null,
      }),
    });
    if (buffer.length >= batchSize) void flush();
    else if (!timer) {
      timer = setTimeout(() => void flush(), flushMs);
      timer.unref();
    }
  }

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    writing = writing.then(async () => {
      await Promise.allSettled([...waiting]);
      const rows = buffer;
      buffer = [];
      if (rows.length === 0) return;
      await insertDownloadRequests(db, rows).catch((error) =>
        logger.warn({ err: error, requests: rows.length }, 'download requests not recorded'),
      );
    });
    return writing;
  }

  return {
    /** Never throws and never waits: the media answer does not depend on counting. */
    record(request: EnclosureRequest): void {
      const at = clock.now();
      const day = at.toISOString().slice(0, 10);
      const userAgent = (request.userAgent ?? '').slice(0, USER_AGENT_MAX);
      if (secret?.day === day) {
        push(request, at, listenerKey(secret.value, request.address, userAgent), userAgent);
        return;
      }
      const pending = secretFor(day)
        .then((value) => push(request, at, listenerKey(value, request.address, userAgent), userAgent))
        .catch((error) => logger.warn({ err: error }, 'download request not recorded'))
        .finally(() => waiting.delete(pending));
      waiting.add(pending);
    },

    /** Writes everything recorded so far (before a fold, and on shutdown). */
    flush,
  };
}

export type DownloadRecorder = ReturnType<typeof createDownloadRecorder>;
