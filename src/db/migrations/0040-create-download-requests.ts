import type { Kysely } from 'kysely';

// Frozen. One row per enclosure request, kept at most a day and a fold interval: the listener is a
// keyed hash (that day's secret) of address and user agent, never the address itself. Ranges are
// the bytes actually served (or, for a redirect, the bytes asked for).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('download_requests')
    .addColumn('episode_id', 'text', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('listener', 'text', (col) => col.notNull())
    .addColumn('user_agent', 'text')
    .addColumn('web_player', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('method', 'text', (col) => col.notNull())
    .addColumn('status', 'integer', (col) => col.notNull())
    .addColumn('range_start', 'bigint')
    .addColumn('range_end', 'bigint')
    .addColumn('file_size', 'bigint', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('download_requests').execute();
}
