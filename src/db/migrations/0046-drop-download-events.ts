import type { Kysely } from 'kysely';

// Frozen. The first round's raw events (an address hash without user agent, status or bytes
// served) cannot be counted by the rules download_requests follows, and were never read: they go,
// with the per-listener data older than a day they held.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('download_events').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('download_events')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('episode_id', 'text', (col) => col.notNull())
    .addColumn('file_kind', 'text', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('visitor_hash', 'text', (col) => col.notNull())
    .addColumn('user_agent', 'text')
    .addColumn('range_start', 'bigint')
    .addColumn('range_end', 'bigint')
    .execute();
}
