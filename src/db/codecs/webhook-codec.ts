import { z } from 'zod';
// Leaf lists of names (no imports of their own).
import { channels } from '../../social/channels.js';
import { webhookEvents } from '../../webhooks/webhook-events.js';
import type { WebhookDeliveryRow, WebhookRow } from '../database.js';
import { decodeJson, decodeNullableJson } from './json-column.js';

const eventsSchema = z.array(z.enum(webhookEvents));
const channelsSchema = z.array(z.enum(channels));

/** A webhooks row with its event and channel lists decoded and checked. */
export interface WebhookRecord extends Omit<WebhookRow, 'events' | 'channels'> {
  events: z.output<typeof eventsSchema>;
  /** null: every channel. */
  channels: z.output<typeof channelsSchema> | null;
}

/** The one decoder of the webhooks table. */
export function decodeWebhook(row: WebhookRow): WebhookRecord {
  const at = (column: string) => `webhooks.${column} of ${row.id}`;
  return {
    ...row,
    events: decodeJson(eventsSchema, row.events, at('events')),
    channels: decodeNullableJson(channelsSchema, row.channels, at('channels')),
  };
}

const attemptSchema = z.object({
  at: z.string(),
  status: z.number().nullable(),
  error: z.string().nullable(),
  ms: z.number(),
});
export type DeliveryAttempt = z.output<typeof attemptSchema>;

/** A webhook_deliveries row with its attempt log decoded and checked. */
export interface WebhookDeliveryRecord extends Omit<WebhookDeliveryRow, 'log'> {
  log: DeliveryAttempt[];
}

/** The one decoder of the webhook_deliveries table. */
export function decodeWebhookDelivery(row: WebhookDeliveryRow): WebhookDeliveryRecord {
  return { ...row, log: decodeJson(z.array(attemptSchema), row.log, `webhook_deliveries.log of ${row.id}`) };
}
