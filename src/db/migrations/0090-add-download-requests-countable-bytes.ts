import { type Kysely, sql } from 'kysely';

// Frozen. Each request stores the bytes it can add to a download (its range's length when it is
// a GET answered 200, 206 or 302 with more than two bytes; null otherwise), judged once by the
// recorder, so the fold can weigh a day of requests in SQL. Requests already waiting are judged
// here by the same rule.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('download_requests').addColumn('countable_bytes', 'bigint').execute();
  await db
    .updateTable('download_requests')
    .set({ countable_bytes: sql`range_end - range_start + 1` })
    .where('method', '=', 'GET')
    .where('status', 'in', [200, 206, 302])
    .where('range_start', 'is not', null)
    .where('range_end', 'is not', null)
    .where(sql<boolean>`range_end - range_start + 1 > 2`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('download_requests').dropColumn('countable_bytes').execute();
}
