import type { Kysely } from 'kysely';
import type { Logger } from '../common/logger.js';
import type { Database } from '../db/database.js';
import { listShowsBuiltForOtherHub } from '../db/repositories/feed-documents-repository.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { type JobHandlers, PermanentJobError } from '../jobs/worker.js';
import { createGuardedFetch, type GuardedFetch, RefusedAddressError } from '../net/guarded-fetch.js';

export interface WebSubDeps {
  db: Kysely<Database>;
  queue: JobQueue;
  logger: Logger;
  /** WEBSUB_HUB_URL; without it nothing is queued and feeds name no hub. */
  hubUrl?: string;
  /** ALLOW_PRIVATE_URLS=true: the hub may be on loopback, private and link-local addresses. */
  allowPrivateUrls?: boolean;
  /** How pings are sent; by default the guarded fetch that refuses non-public addresses. */
  fetch?: GuardedFetch;
  /** How long the hub may take to answer one ping. */
  timeoutMs?: number;
}

/** Ten tries: the back-off between them (2 s, 4 s … 512 s) covers about 17 minutes of a hub being away. */
const maxAttempts = 10;

/**
 * WebSub for the feeds (the publisher's part of https://www.w3.org/TR/websub/): every feed names
 * the hub, and each stored change of a feed queues one ping, `hub.mode=publish&hub.url=FEED` as a
 * form POST, the way pubsubhubbub.appspot.com and most hubs take it (the spec leaves the
 * publisher-to-hub call to the hub). The hub then fetches the feed and tells its subscribers, so
 * apps that subscribed hear of a new episode in seconds instead of at their next poll.
 *
 * The ping is a job: off the request path, retried with the queue's back-off, and a hub that is
 * down never holds up or fails a rebuild. While one ping for a feed waits, another change adds
 * none (the hub fetches the newest feed anyway).
 */
export function createWebSub(deps: WebSubDeps) {
  const { hubUrl, logger } = deps;
  const send = deps.fetch ?? createGuardedFetch({ allowPrivate: deps.allowPrivateUrls ?? false });
  const timeoutMs = deps.timeoutMs ?? 10_000;

  async function ping(feedUrl: string): Promise<void> {
    // Queued under another WEBSUB_HUB_URL that has since been removed: nobody to tell.
    if (!hubUrl) return;
    let status: number | null = null;
    let error: string;
    try {
      const response = await send(hubUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'user-agent': 'zender-websub/1',
        },
        body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': feedUrl }).toString(),
        // A redirect would re-send the ping somewhere the operator did not name.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      await response.body?.cancel().catch(() => {});
      if (status >= 200 && status <= 299) return;
      error = `HTTP ${status}`;
    } catch (cause) {
      error = describeFailure(cause, timeoutMs);
      if (cause instanceof RefusedAddressError) {
        logger.error({ hub: hubUrl, feedUrl, error }, 'websub hub ping refused');
        throw new PermanentJobError(`websub hub ${hubUrl}: ${error}`);
      }
    }
    logger.warn({ hub: hubUrl, feedUrl, status, error }, 'websub hub ping failed');
    // A 4xx other than 408 and 429 says the ping itself is wrong: sending it again will not help.
    const hopeless = status !== null && status >= 400 && status < 500 && status !== 408 && status !== 429;
    const message = `websub hub ${hubUrl} for ${feedUrl}: ${error}`;
    throw hopeless ? new PermanentJobError(message) : new Error(message);
  }

  const handlers: Pick<JobHandlers, 'ping-websub-hub'> = {
    'ping-websub-hub': async ({ feedUrl }) => ping(feedUrl),
  };

  return {
    hubUrl,
    handlers,
    ping,

    /** The feed publisher's onChanged: one ping queued in the transaction that stores the feed. */
    async feedChanged(change: { feedUrl: string }, within: Kysely<Database>): Promise<void> {
      if (!hubUrl) return;
      await deps.queue.enqueue(
        'ping-websub-hub',
        { feedUrl: change.feedUrl },
        { within, maxAttempts, dedupeKey: `websub:${change.feedUrl}` },
      );
    },

    /**
     * At start: feeds stored with another hub than WEBSUB_HUB_URL names now (or with one when it
     * is no longer set) are rebuilt, so every feed names the current hub without waiting for its
     * show's next change. Answers how many were queued.
     */
    async rebuildFeedsOfOtherHub(): Promise<number> {
      const showIds = await listShowsBuiltForOtherHub(deps.db, hubUrl ?? null);
      for (const showId of showIds)
        await deps.queue.enqueue('rebuild-feed', { showId }, { dedupeKey: `feed:${showId}` });
      if (showIds.length > 0)
        logger.info({ feeds: showIds.length, hub: hubUrl ?? null }, 'feeds rebuilt for the WebSub hub');
      return showIds.length;
    },
  };
}

export type WebSub = ReturnType<typeof createWebSub>;

function describeFailure(cause: unknown, timeoutMs: number): string {
  if (cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError'))
    return `no answer within ${timeoutMs / 1000} s`;
  if (cause instanceof RefusedAddressError)
    return `${cause.message} (set ALLOW_PRIVATE_URLS=true for a hub on the intranet)`;
  if (cause instanceof Error) {
    const code = (cause.cause as { code?: string } | undefined)?.code ?? (cause as { code?: string }).code;
    return code ? `${cause.message} (${code})` : cause.message;
  }
  return String(cause);
}
