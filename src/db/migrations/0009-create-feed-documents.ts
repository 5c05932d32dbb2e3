import type { Kysely } from 'kysely';

// Frozen. The built RSS of each show, kept ready so no request ever builds a feed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('feed_documents')
    .addColumn('show_id', 'text', (col) => col.primaryKey())
    .addColumn('slug', 'text', (col) => col.notNull().unique())
    .addColumn('xml', 'text', (col) => col.notNull())
    .addColumn('etag', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('feed_documents').execute();
}
