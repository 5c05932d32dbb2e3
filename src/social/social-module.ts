import type { Kysely } from 'kysely';
import type { Clock } from '../common/clock.js';
import type { Logger } from '../common/logger.js';
import type { Database } from '../db/database.js';
import type { DomainEvents } from '../domain/domain-events.js';
import type { PublicUrls } from '../domain/public-urls.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { JobHandlers } from '../jobs/worker.js';
import type { GuardedFetch } from '../net/guarded-fetch.js';
import type { BlobStore } from '../storage/blob-store.js';
import { createWebhooksService } from '../webhooks/webhooks-service.js';
import { createShareImages } from './share-image.js';
import { createSocialDraftsService } from './social-drafts-service.js';

export interface SocialModuleDeps {
  db: Kysely<Database>;
  store: BlobStore;
  clock: Clock;
  queue: JobQueue;
  urls: PublicUrls;
  logger: Logger;
  events: DomainEvents;
  /** ALLOW_PRIVATE_URLS: webhooks may then target loopback, private and link-local addresses. */
  allowPrivateUrls?: boolean;
  /** How deliveries are sent (default: the guarded fetch of net/, under the same rule). */
  fetch?: GuardedFetch;
  /** Per delivery attempt; 10 s unless a test wants a quicker timeout. */
  webhookTimeoutMs?: number;
}

/**
 * The social feature in one piece: drafts per channel, the share image and signed webhook
 * delivery, with the job handlers they need and the rules that start them. Its HTTP routes are
 * in http/routes/ (social-routes.ts, webhooks-routes.ts) and take these services.
 *
 * - published or scheduled (also a scheduled one going live) → a `generate-social-drafts` job,
 *   and `episode.published` / `episode.scheduled` to the webhook subscribers, once each;
 * - an approved draft reached a receiver → the draft is marked delivered.
 */
export function createSocialModule(deps: SocialModuleDeps) {
  const { db, store, clock, queue, urls, logger, events } = deps;
  const shareImages = createShareImages({ db, store, clock });
  const webhooks = createWebhooksService({
    db,
    queue,
    clock,
    logger: logger.child({ part: 'webhooks' }),
    allowPrivateUrls: deps.allowPrivateUrls,
    fetch: deps.fetch,
    timeoutMs: deps.webhookTimeoutMs,
    events,
  });
  const drafts = createSocialDraftsService({
    db,
    clock,
    urls,
    logger: logger.child({ part: 'social' }),
    shareImages,
    outbox: webhooks,
  });

  events.on('social-draft.delivered', ({ draftId }) => drafts.markDelivered(draftId));
  // Safe twice: the job keeps existing drafts; each subscription hears of an episode once.
  events.on('episode.published-or-scheduled', async ({ episodeId }) => {
    const event = await drafts.episodeEvent(episodeId);
    if (!event) return;
    await queue.enqueue('generate-social-drafts', { episodeId }, { dedupeKey: `social-drafts:${episodeId}` });
    if (event.status === 'published') {
      await webhooks.emit({
        showId: event.showId,
        type: 'episode.published',
        data: event.data,
        // One event per publication: publishing again after an unpublish is news again, a
        // repeated call for the same publication is not (publish_at marks the publication).
        key: `episode.published:${episodeId}:${event.publishAt}`,
      });
    } else if (event.status === 'scheduled') {
      await webhooks.emit({
        showId: event.showId,
        type: 'episode.scheduled',
        data: event.data,
        key: `episode.scheduled:${episodeId}:${event.publishAt}`,
      });
    }
  });

  const handlers: Pick<JobHandlers, 'generate-social-drafts' | 'deliver-webhook'> = {
    'generate-social-drafts': async ({ episodeId }) => drafts.generate(episodeId),
    'deliver-webhook': async ({ deliveryId }, context) => webhooks.deliver(deliveryId, context),
  };

  return { handlers, drafts, webhooks, shareImages };
}

export type SocialModule = ReturnType<typeof createSocialModule>;
