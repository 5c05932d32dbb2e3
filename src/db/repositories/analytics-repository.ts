import { type Kysely, sql } from 'kysely';
import type { Database, DownloadRequestsTable } from '../database.js';

/** Today's secret, created on first use; the secrets of days before are deleted in the same call. */
export async function saltForDay(db: Kysely<Database>, day: string, fresh: () => string): Promise<string> {
  const existing = await db
    .selectFrom('analytics_salts')
    .select('salt')
    .where('day', '=', day)
    .executeTakeFirst();
  if (existing) return existing.salt;
  await deleteSaltsBefore(db, day);
  await db
    .insertInto('analytics_salts')
    .values({ day, salt: fresh() })
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();
  const row = await db
    .selectFrom('analytics_salts')
    .select('salt')
    .where('day', '=', day)
    .executeTakeFirstOrThrow();
  return row.salt;
}

/** A day's secret goes when the day is over, whether or not anyone asked for today's yet. */
export async function deleteSaltsBefore(db: Kysely<Database>, day: string): Promise<void> {
  await db.deleteFrom('analytics_salts').where('day', '<', day).execute();
}

/** Many requests in one statement per 500 (well under both dialects' parameter limits). */
export async function insertDownloadRequests(
  db: Kysely<Database>,
  rows: DownloadRequestsTable[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('download_requests')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

export interface CountDelta {
  day: string;
  showId: string;
  episodeId: string;
  app: string;
  device: string;
  downloads: number;
}

/** Adds to the daily counts (a row per day, episode, app and device). */
export async function addDownloadCounts(db: Kysely<Database>, deltas: CountDelta[]): Promise<void> {
  for (let i = 0; i < deltas.length; i += 500) {
    await db
      .insertInto('download_counts')
      .values(
        deltas.slice(i, i + 500).map((d) => ({
          day: d.day,
          show_id: d.showId,
          episode_id: d.episodeId,
          app: d.app,
          device: d.device,
          downloads: d.downloads,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['day', 'episode_id', 'app', 'device'])
          .doUpdateSet({ downloads: sql`download_counts.downloads + excluded.downloads` }),
      )
      .execute();
  }
}

export async function readSetting(db: Kysely<Database>, name: string): Promise<string | null> {
  const row = await db
    .selectFrom('download_settings')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.value ?? null;
}

export async function writeSetting(
  db: Kysely<Database>,
  name: string,
  value: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('download_settings')
    .values({ name, value, updated_at: at })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value, updated_at: at }))
    .execute();
}

/** Raw requests before `before` (already folded, and past their listener's day) are deleted. */
export async function deleteRequestsBefore(db: Kysely<Database>, before: string): Promise<number> {
  const result = await db.deleteFrom('download_requests').where('at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Moves a watermark from `from` to `to` only if it still stands at `from` (null: not set yet);
 * false when another fold moved it first, so that fold's piece is not counted twice.
 */
export async function advanceWatermark(
  db: Kysely<Database>,
  name: string,
  from: string | null,
  to: string,
  at: string,
): Promise<boolean> {
  if (from === null) {
    const inserted = await db
      .insertInto('download_settings')
      .values({ name, value: to, updated_at: at })
      .onConflict((oc) => oc.column('name').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
  }
  const updated = await db
    .updateTable('download_settings')
    .set({ value: to, updated_at: at })
    .where('name', '=', name)
    .where('value', '=', from)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}
