import type { Kysely } from 'kysely';

// Frozen. One draft per episode and channel: regenerating rewrites the row in place, so the
// unique pair also keeps two racing generate jobs from making a second draft. `length_limit`
// because LIMIT is a reserved word in both dialects.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('social_drafts')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('episode_id', 'text', (col) => col.notNull().references('episodes.id').onDelete('cascade'))
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('length', 'integer', (col) => col.notNull())
    .addColumn('length_limit', 'integer', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('link', 'text', (col) => col.notNull())
    .addColumn('facets', 'text')
    .addColumn('image', 'text')
    .addColumn('history', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('social_drafts_episode_channel_unique', ['episode_id', 'channel'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('social_drafts').execute();
}
