import type { Kysely, Updateable } from 'kysely';
import {
  decodeWebhook,
  decodeWebhookDelivery,
  type WebhookDeliveryRecord,
  type WebhookRecord,
} from '../codecs/webhook-codec.js';
import type { Database, WebhookDeliveriesTable, WebhookDeliveryRow, WebhookRow } from '../database.js';

export async function insertWebhook(db: Kysely<Database>, row: WebhookRow): Promise<void> {
  await db.insertInto('webhooks').values(row).execute();
}

export async function findWebhook(db: Kysely<Database>, id: string): Promise<WebhookRecord | undefined> {
  const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  return row && decodeWebhook(row);
}

export async function listWebhooksOfShow(db: Kysely<Database>, showId: string): Promise<WebhookRecord[]> {
  const rows = await db
    .selectFrom('webhooks')
    .selectAll()
    .where('show_id', '=', showId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(decodeWebhook);
}

/** Deleting a subscription deletes its deliveries (cascade); their queued jobs then find nothing to do. */
export async function deleteWebhook(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function insertDelivery(db: Kysely<Database>, row: WebhookDeliveryRow): Promise<void> {
  await db.insertInto('webhook_deliveries').values(row).execute();
}

export async function findDelivery(
  db: Kysely<Database>,
  id: string,
): Promise<WebhookDeliveryRecord | undefined> {
  const row = await db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  return row && decodeWebhookDelivery(row);
}

export async function findDeliveryByKey(
  db: Kysely<Database>,
  webhookId: string,
  eventKey: string,
): Promise<WebhookDeliveryRecord | undefined> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('webhook_id', '=', webhookId)
    .where('event_key', '=', eventKey)
    .executeTakeFirst();
  return row && decodeWebhookDelivery(row);
}

/** Newest first. */
export async function listDeliveriesOfWebhook(
  db: Kysely<Database>,
  webhookId: string,
  limit: number,
): Promise<WebhookDeliveryRecord[]> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('webhook_id', '=', webhookId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(decodeWebhookDelivery);
}

export async function updateDelivery(
  db: Kysely<Database>,
  id: string,
  patch: Updateable<WebhookDeliveriesTable>,
): Promise<void> {
  await db.updateTable('webhook_deliveries').set(patch).where('id', '=', id).execute();
}

/** Stops deliveries of a draft that is no longer approved (rejected or regenerated) from going out. */
export async function cancelPendingDeliveriesOfDraft(
  db: Kysely<Database>,
  draftId: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'cancelled', updated_at: at })
    .where('draft_id', '=', draftId)
    .where('status', '=', 'pending')
    .execute();
}
