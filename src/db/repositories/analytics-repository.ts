import type { Kysely } from 'kysely';
import type { Database, DownloadEventsTable } from '../database.js';

/** Today's salt, created on first use; older salts are deleted in the same call. */
export async function saltForDay(db: Kysely<Database>, day: string, fresh: () => string): Promise<string> {
  const existing = await db
    .selectFrom('analytics_salts')
    .select('salt')
    .where('day', '=', day)
    .executeTakeFirst();
  if (existing) return existing.salt;
  await db.deleteFrom('analytics_salts').where('day', '<', day).execute();
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

export async function insertDownloadEvent(db: Kysely<Database>, row: DownloadEventsTable): Promise<void> {
  await db.insertInto('download_events').values(row).execute();
}
