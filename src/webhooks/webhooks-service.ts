import type { Kysely } from 'kysely';
import { decodeWebhook, type WebhookDeliveryRecord, type WebhookRecord } from '../db/codecs/webhook-codec.js';
import type { Database, WebhookDeliveryRow, WebhookRow } from '../db/database.js';
import { findShowById } from '../db/repositories/shows-repository.js';
import {
  cancelPendingDeliveriesOfDraft,
  deleteWebhook,
  findDelivery,
  findDeliveryByKey,
  findWebhook,
  insertDelivery,
  insertWebhook,
  listDeliveriesOfWebhook,
  listWebhooksOfShow,
  updateDelivery,
} from '../db/repositories/webhooks-repository.js';
import type { DomainEventEmitter } from '../domain/domain-events.js';
import { InvalidInputError, NotFoundError, UnprocessableError } from '../domain/errors.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { type JobContext, PermanentJobError } from '../jobs/worker.js';
import { createGuardedFetch, type GuardedFetch, RefusedAddressError } from '../net/guarded-fetch.js';
import { checkPublicUrl } from '../net/public-url.js';
import type { Clock } from '../shared/clock.js';
import { newId } from '../shared/ids.js';
import type { Logger } from '../shared/logger.js';
import type { Channel } from '../social/index.js';
import type { WebhookEvent } from './webhook-events.js';
import { generateWebhookSecret, signWebhook } from './webhook-signature.js';

export { type WebhookEvent, webhookEvents } from './webhook-events.js';

/** The public JSON shape of a subscription; the secret only in the answer that creates it. */
export interface Webhook {
  id: string;
  showId: string;
  url: string;
  events: WebhookEvent[];
  /** Draft events of these channels only; null means every channel. */
  channels: Channel[] | null;
  createdBy: string | null;
  createdAt: string;
}

export interface WebhookDelivery {
  id: string;
  webhookId: string;
  event: string;
  status: WebhookDeliveryRow['status'];
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  log: AttemptLog[];
  createdAt: string;
  updatedAt: string;
  deliveredAt: string | null;
}

interface AttemptLog {
  at: string;
  status: number | null;
  error: string | null;
  ms: number;
}

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

function toWebhook(row: WebhookRecord): Webhook {
  return {
    id: row.id,
    showId: row.show_id,
    url: row.url,
    events: row.events,
    channels: row.channels,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

function toDelivery(row: WebhookDeliveryRecord): WebhookDelivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    lastStatus: row.last_status,
    lastError: row.last_error,
    log: row.log,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deliveredAt: row.delivered_at,
  };
}

/**
 * A show's webhook subscriptions and the outbox that feeds them: each event becomes one
 * delivery row per matching subscription and one job per delivery, so a dead endpoint only
 * ever delays its own deliveries. Deliveries are signed the Standard Webhooks way, with the
 * delivery id as webhook-id (stable across retries, for de-duplication) and a fresh timestamp
 * on every attempt (receivers refuse old ones).
 */
export function createWebhooksService(deps: WebhooksDeps) {
  const { db, queue, clock, logger } = deps;
  const allowPrivate = deps.allowPrivateUrls ?? false;
  const send = deps.fetch ?? createGuardedFetch({ allowPrivate });
  const timeoutMs = deps.timeoutMs ?? 10_000;

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
      const url = checkUrl(input.url, allowPrivate);
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

    /**
     * The deliver-webhook job: one POST. Anything but a 2xx within the timeout throws, so the
     * queue retries with backoff; the row keeps each attempt's status. 410 Gone stops retrying.
     */
    async deliver(deliveryId: string, context?: Pick<JobContext, 'lastAttempt'>): Promise<void> {
      const delivery = await findDelivery(db, deliveryId);
      if (delivery?.status !== 'pending') return;
      const hook = await findWebhook(db, delivery.webhook_id);
      if (!hook) return;
      const attemptAt = clock.now();
      const started = performance.now();
      let status: number | null = null;
      let error: string | null = null;
      let refused = false;
      try {
        const response = await send(hook.url, {
          method: 'POST',
          headers: {
            ...signWebhook({
              secret: hook.secret,
              id: delivery.id,
              timestamp: attemptAt,
              body: delivery.body,
            }),
            'content-type': 'application/json',
            'user-agent': 'zender-webhooks/1',
          },
          body: delivery.body,
          // A redirect would re-send signed content somewhere the subscriber did not name.
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        status = response.status;
        await response.body?.cancel().catch(() => {});
        if (status < 200 || status > 299) error = `HTTP ${status}`;
      } catch (cause) {
        error = describeFailure(cause, timeoutMs);
        refused = cause instanceof RefusedAddressError;
      }
      const ok = error === null;
      // 410 Gone ends it, and so does a refused address: retrying would only probe it again.
      const gone = status === 410 || refused;
      const log: AttemptLog[] = [
        ...delivery.log,
        { at: attemptAt.toISOString(), status, error, ms: Math.round(performance.now() - started) },
      ];
      const now = clock.now().toISOString();
      await updateDelivery(db, deliveryId, {
        status: ok ? 'delivered' : gone || context?.lastAttempt ? 'failed' : 'pending',
        attempts: delivery.attempts + 1,
        last_status: status,
        last_error: error,
        log: JSON.stringify(log.slice(-20)),
        updated_at: now,
        delivered_at: ok ? now : null,
      });
      if (ok) {
        if (delivery.draft_id && delivery.event === 'draft.approved')
          await deps.events.emit('social-draft.delivered', { draftId: delivery.draft_id });
        return;
      }
      logger.warn({ deliveryId, webhookId: hook.id, status, error }, 'webhook delivery failed');
      const message = `webhook ${hook.id} delivery ${deliveryId}: ${error}`;
      throw gone ? new PermanentJobError(message) : new Error(message);
    },
  };
}

export type WebhooksService = ReturnType<typeof createWebhooksService>;

/**
 * http(s) only, absolute, without user:password (a secret in a URL ends up in logs), and not
 * aimed at a loopback, private or link-local address unless the operator allowed those: a
 * webhook must not let an editor reach, or map, what only the server can reach.
 */
function checkUrl(value: string, allowPrivate: boolean): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidUrl('not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalidUrl('use http or https');
  if (url.username || url.password)
    throw invalidUrl('no credentials in the URL; verify the signature instead');
  const check = checkPublicUrl(url, { allowPrivate });
  if (!check.ok) {
    throw new UnprocessableError('url_not_public', { field: 'url', reason: check.reason, host: check.host }, [
      { field: 'url', code: 'url_not_public', message: `${check.host}: ${check.reason.replace(/_/g, ' ')}` },
    ]);
  }
  return url.toString();
}

function invalidUrl(message: string) {
  return new InvalidInputError('invalid_input', [{ field: 'url', code: 'invalid_url', message }]);
}

function describeFailure(cause: unknown, timeoutMs: number): string {
  if (cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError'))
    return `no answer within ${timeoutMs / 1000} s`;
  if (cause instanceof RefusedAddressError)
    return `${cause.message} (set ALLOW_PRIVATE_URLS=true to allow private addresses)`;
  if (cause instanceof Error) {
    const code = (cause.cause as { code?: string } | undefined)?.code ?? (cause as { code?: string }).code;
    return code ? `${cause.message} (${code})` : cause.message;
  }
  return String(cause);
}
