import type { Kysely } from 'kysely';

// Frozen. Downloads per UTC day, episode, app and device: the only thing kept beyond a day, and
// nothing in it points at a listener.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('download_counts')
    .addColumn('day', 'text', (col) => col.notNull())
    .addColumn('show_id', 'text', (col) => col.notNull())
    .addColumn('episode_id', 'text', (col) => col.notNull())
    .addColumn('app', 'text', (col) => col.notNull())
    .addColumn('device', 'text', (col) => col.notNull())
    .addColumn('downloads', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('download_counts_pk', ['day', 'episode_id', 'app', 'device'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('download_counts').execute();
}
