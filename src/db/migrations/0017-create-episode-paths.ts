import type { Kysely } from 'kysely';

// Frozen. Every episode slug that ever served an episode's public media (/media/{show}/{slug}.mp3,
// the enclosure URL podcast apps store): (show_id, slug) is the key, so a path belongs to one
// episode for good. No foreign key: a deleted episode's paths stay retired.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('episode_paths')
    .addColumn('show_id', 'text', (col) => col.notNull())
    .addColumn('slug', 'text', (col) => col.notNull())
    .addColumn('episode_id', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('episode_paths_pk', ['show_id', 'slug'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('episode_paths').execute();
}
