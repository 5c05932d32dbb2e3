import { type Kysely, sql } from 'kysely';

// Frozen. Each request stores the bytes it can add to a download (its range's length when it is
// a GET answered 200, 206 or 302 with more than two bytes; 0 otherwise), judged once by the
// recorder, so the fold can weigh a day of requests in SQL. Requests already waiting are judged
// here by the same rule. A request an older zender records during an upgrade leaves it null.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('download_requests').addColumn('countable_bytes', 'bigint').execute();
  await db
    .updateTable('download_requests')
    .set({
      countable_bytes: sql`CASE
        WHEN method = 'GET' AND status IN (200, 206, 302) AND range_end - range_start + 1 > 2
        THEN range_end - range_start + 1 ELSE 0 END`,
    })
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('download_requests').dropColumn('countable_bytes').execute();
}
