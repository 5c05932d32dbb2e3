import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('shows')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('slug', 'text', (col) => col.notNull().unique())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('language', 'text', (col) => col.notNull())
    .addColumn('author', 'text', (col) => col.notNull())
    .addColumn('owner_name', 'text', (col) => col.notNull())
    .addColumn('owner_email', 'text', (col) => col.notNull())
    .addColumn('categories', 'text', (col) => col.notNull())
    .addColumn('explicit', 'integer', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('link', 'text')
    .addColumn('copyright', 'text')
    .addColumn('license', 'text')
    .addColumn('locked', 'integer', (col) => col.notNull())
    .addColumn('funding', 'text', (col) => col.notNull())
    .addColumn('guid', 'text', (col) => col.notNull())
    .addColumn('artwork', 'text')
    .addColumn('loudness_target_lufs', 'real')
    .addColumn('social', 'text', (col) => col.notNull())
    .addColumn('persons', 'text', (col) => col.notNull())
    .addColumn('new_feed_url', 'text')
    .addColumn('extra', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('shows').execute();
}
