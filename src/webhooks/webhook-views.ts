import type { WebhookDeliveryRecord, WebhookRecord } from '../db/codecs/webhook-codec.js';
import type { WebhookDeliveryRow } from '../db/database.js';
import type { Channel } from '../social/index.js';
import type { WebhookEvent } from './webhook-events.js';

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

/** One try to deliver, as the delivery's log keeps it (the last 20). */
export interface AttemptLog {
  at: string;
  status: number | null;
  error: string | null;
  ms: number;
}

export function toWebhook(row: WebhookRecord): Webhook {
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

export function toDelivery(row: WebhookDeliveryRecord): WebhookDelivery {
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
