import type { Kysely } from 'kysely';
import type { Clock } from '../common/clock.js';
import type { Logger } from '../common/logger.js';
import type { Database } from '../db/database.js';
import { findDelivery, findWebhook, updateDelivery } from '../db/repositories/webhooks-repository.js';
import type { DomainEventEmitter } from '../domain/domain-events.js';
import { type JobContext, PermanentJobError } from '../jobs/worker.js';
import { type GuardedFetch, RefusedAddressError } from '../net/guarded-fetch.js';
import { signWebhook } from './webhook-signature.js';
import type { AttemptLog } from './webhook-views.js';

export interface WebhookDeliveryDeps {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  send: GuardedFetch;
  timeoutMs: number;
  events: DomainEventEmitter;
}

/**
 * The deliver-webhook job: one POST. Anything but a 2xx within the timeout throws, so the
 * queue retries with backoff; the row keeps each attempt's status. 410 Gone stops retrying.
 * Signed the Standard Webhooks way, with the delivery id as webhook-id (stable across retries,
 * for de-duplication) and a fresh timestamp on every attempt (receivers refuse old ones).
 */
export function createWebhookDelivery(deps: WebhookDeliveryDeps) {
  const { db, clock, logger, send, timeoutMs } = deps;

  return async function deliver(
    deliveryId: string,
    context?: Pick<JobContext, 'lastAttempt'>,
  ): Promise<void> {
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
  };
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
