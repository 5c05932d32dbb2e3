import type { Kysely } from 'kysely';
import type { Clock } from '../common/clock.js';
import { newId } from '../common/ids.js';
import type { Logger } from '../common/logger.js';
import { decodeWebhook } from '../db/codecs/webhook-codec.js';
import type { Database, WebhookRow } from '../db/database.js';
import { findShowById } from '../db/repositories/shows-repository.js';
import {
  cancelPendingDeliveriesOfDraft,
  deleteWebhook,
  findDeliveryByKey,
  findWebhook,
  insertDelivery,
  insertWebhook,
  listDeliveriesOfWebhook,
  listWebhooksOfShow,
} from '../db/repositories/webhooks-repository.js';
import type { DomainEventEmitter } from '../domain/domain-events.js';
import { NotFoundError } from '../domain/errors.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { createGuardedFetch, type GuardedFetch } from '../net/guarded-fetch.js';
import type { Channel } from '../social/index.js';
import { createWebhookDelivery } from './webhook-delivery.js';
import type { WebhookEvent } from './webhook-events.js';
import { generateWebhookSecret } from './webhook-signature.js';
import { checkWebhookUrl } from './webhook-url.js';
import { toDelivery, toWebhook, type Webhook, type WebhookDelivery } from './webhook-views.js';

export { type WebhookEvent, webhookEvents } from './webhook-events.js';
export type { Webhook, WebhookDelivery } from './webhook-views.js';

export interface EmitInput {
  showId: string;
  type: WebhookEvent;
  data: unknown;
  /** Set for draft events, matched against a subscription's channels. */
  channel?: Channel;
  draftId?: string;
  /** Emitting again with the same key is a no-op per subscription (an episode is published once). */
  key?: string;
}

export interface WebhooksDeps {
  db: Kysely<Database>;
  queue: JobQueue;
  clock: Clock;
  logger: Logger;
  /** ALLOW_PRIVATE_URLS=true: subscribers may be on loopback, private and link-local addresses. */
  allowPrivateUrls?: boolean;
  /** How deliveries are sent; by default the guarded fetch that refuses non-public addresses. */
  fetch?: GuardedFetch;
  /** How long a receiver may take to answer; Standard Webhooks senders use seconds, not minutes. */
  timeoutMs?: number;
  /** Emits `social-draft.delivered` when a draft.approved delivery reached its receiver. */
  events: DomainEventEmitter;
}

/**
 * A show's webhook subscriptions and the outbox that feeds them: each event becomes one
 * delivery row per matching subscription and one job per delivery, so a dead endpoint only
 * ever delays its own deliveries. The job itself, one signed POST, is webhook-delivery.ts.
 */
export function createWebhooksService(deps: WebhooksDeps) {
  const { db, queue, clock } = deps;
  const allowPrivate = deps.allowPrivateUrls ?? false;
  const deliver = createWebhookDelivery({
    db,
    clock,
    logger: deps.logger,
    send: deps.fetch ?? createGuardedFetch({ allowPrivate }),
    timeoutMs: deps.timeoutMs ?? 10_000,
    events: deps.events,
  });

  async function requireWebhook(webhookId: string) {
    const row = await findWebhook(db, webhookId);
    if (!row) throw new NotFoundError('webhook', webhookId);
    return row;
  }

  return {
    async create(
      showId: string,
      input: { url: string; events: WebhookEvent[]; channels?: Channel[] | null },
      createdBy: string | null,
    ): Promise<Webhook & { secret: string }> {
      if (!(await findShowById(db, showId))) throw new NotFoundError('show', showId);
      const url = checkWebhookUrl(input.url, allowPrivate);
      // Kept as issued, not hashed: signing every delivery needs the key itself, as the receiver does.
      const secret = generateWebhookSecret();
      const row: WebhookRow = {
        id: newId(),
        show_id: showId,
        url,
        secret,
        events: JSON.stringify([...new Set(input.events)]),
        channels: input.channels?.length ? JSON.stringify([...new Set(input.channels)]) : null,
        created_by: createdBy,
        created_at: clock.now().toISOString(),
      };
      await insertWebhook(db, row);
      return { ...toWebhook(decodeWebhook(row)), secret };
    },

    async list(showId: string): Promise<Webhook[]> {
      if (!(await findShowById(db, showId))) throw new NotFoundError('show', showId);
      return (await listWebhooksOfShow(db, showId)).map(toWebhook);
    },

    async remove(webhookId: string): Promise<void> {
      if (!(await deleteWebhook(db, webhookId))) throw new NotFoundError('webhook', webhookId);
    },

    async deliveries(webhookId: string, limit = 50): Promise<WebhookDelivery[]> {
      await requireWebhook(webhookId);
      return (await listDeliveriesOfWebhook(db, webhookId, limit)).map(toDelivery);
    },

    /**
     * Queues the event for every subscription of the show that wants it; `within` puts the rows
     * and jobs in the caller's transaction (the outbox pattern). Returns the delivery ids.
     */
    async emit(event: EmitInput, within?: Kysely<Database>): Promise<string[]> {
      const target = within ?? db;
      const now = clock.now().toISOString();
      const body = JSON.stringify({ type: event.type, timestamp: now, data: event.data });
      const ids: string[] = [];
      for (const row of await listWebhooksOfShow(target, event.showId)) {
        const hook = toWebhook(row);
        if (!hook.events.includes(event.type)) continue;
        if (event.channel && hook.channels && !hook.channels.includes(event.channel)) continue;
        if (event.key && (await findDeliveryByKey(target, hook.id, event.key))) continue;
        const id = newId();
        await insertDelivery(target, {
          id,
          webhook_id: hook.id,
          event: event.type,
          event_key: event.key ?? null,
          draft_id: event.draftId ?? null,
          body,
          status: 'pending',
          attempts: 0,
          last_status: null,
          last_error: null,
          log: '[]',
          created_at: now,
          updated_at: now,
          delivered_at: null,
        });
        await queue.enqueue(
          'deliver-webhook',
          { deliveryId: id },
          {
            within: target,
            maxAttempts: 5,
          },
        );
        ids.push(id);
      }
      if (!within && ids.length > 0) queue.announce();
      return ids;
    },

    async cancelDraft(draftId: string, within?: Kysely<Database>): Promise<void> {
      await cancelPendingDeliveriesOfDraft(within ?? db, draftId, clock.now().toISOString());
    },

    wake(): void {
      queue.announce();
    },

    /** The deliver-webhook job (webhook-delivery.ts). */
    deliver,
  };
}

export type WebhooksService = ReturnType<typeof createWebhooksService>;
