import type { Kysely } from 'kysely';

// Frozen. One row per media request; no IP address, only a daily-keyed hash of it.
export async function up(db: Kysely<any>): Promise<void> {
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

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('download_events').execute();
}
