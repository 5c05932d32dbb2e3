import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { PublicUrls } from '../domain/public-urls.js';
import type { AppEnv } from '../http/app-env.js';
import { shareImageRoutes, socialRoutes } from '../http/routes/social-routes.js';
import { webhooksRoutes } from '../http/routes/webhooks-routes.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { JobContext } from '../jobs/worker.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
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
  fetch?: typeof fetch;
  /** Tell a same-process worker there is work now. */
  poke?: () => void;
  /** Per delivery attempt; 10 s unless a test wants a quicker timeout. */
  webhookTimeoutMs?: number;
}

/** The job kinds this module adds (the lead adds them to JobPayloads). */
export interface SocialJobPayloads {
  'generate-social-drafts': { episodeId: string };
  'deliver-webhook': { deliveryId: string };
}

/**
 * Issue 6 in one piece for the composition root: social drafts, the share image and signed
 * webhook delivery, with their routes, job handlers and the hook publishing calls. It builds
 * HTTP sub-apps, so it is wiring like container.ts rather than a domain service.
 */
export function createSocialModule(deps: SocialModuleDeps) {
  const { db, store, clock, queue, urls, logger } = deps;
  const shareImages = createShareImages({ db, store, clock });
  const webhooks = createWebhooksService({
    db,
    queue,
    clock,
    logger: logger.child({ part: 'webhooks' }),
    fetch: deps.fetch,
    poke: deps.poke,
    timeoutMs: deps.webhookTimeoutMs,
    onDraftDelivered: (draftId) => drafts.markDelivered(draftId),
  });
  const drafts = createSocialDraftsService({
    db,
    clock,
    urls,
    logger: logger.child({ part: 'social' }),
    shareImages,
    events: webhooks,
  });

  const handlers: {
    [K in keyof SocialJobPayloads]: (payload: SocialJobPayloads[K], context: JobContext) => Promise<void>;
  } = {
    'generate-social-drafts': async ({ episodeId }) => drafts.generate(episodeId),
    'deliver-webhook': async ({ deliveryId }, context) => webhooks.deliver(deliveryId, context),
  };

  return {
    apiRoutes: [socialRoutes({ drafts }), webhooksRoutes({ webhooks })] as OpenAPIHono<AppEnv>[],
    /** Mount before the general /media routes (they would answer …/share.png with 404). */
    publicRoutes: [shareImageRoutes({ shareImages, store })] as Hono[],
    handlers,

    /**
     * Call after an episode was published or scheduled (also when a scheduled one goes live):
     * queues its drafts and tells subscribers. Safe to call twice: the job keeps existing
     * drafts and each subscription hears of an episode's publication once.
     */
    async onEpisodePublishedOrScheduled(episodeId: string): Promise<void> {
      const event = await drafts.episodeEvent(episodeId);
      if (!event) return;
      await queue.enqueue(
        'generate-social-drafts',
        { episodeId },
        {
          dedupeKey: `social-drafts:${episodeId}`,
        },
      );
      if (event.status === 'published') {
        await webhooks.emit({
          showId: event.showId,
          type: 'episode.published',
          data: event.data,
          key: `episode.published:${episodeId}`,
        });
      } else if (event.status === 'scheduled') {
        await webhooks.emit({
          showId: event.showId,
          type: 'episode.scheduled',
          data: event.data,
          key: `episode.scheduled:${episodeId}:${event.publishAt}`,
        });
      }
      deps.poke?.();
    },

    drafts,
    webhooks,
    shareImages,
  };
}

export type SocialModule = ReturnType<typeof createSocialModule>;
