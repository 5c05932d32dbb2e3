import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('episodes')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('show_id', 'text', (col) => col.notNull().references('shows.id').onDelete('cascade'))
    .addColumn('slug', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('summary', 'text')
    .addColumn('description', 'text')
    .addColumn('season', 'integer')
    .addColumn('number', 'integer')
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('explicit', 'integer', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('failure_reason', 'text')
    .addColumn('publish_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('guid', 'text', (col) => col.notNull())
    .addColumn('duration_seconds', 'real')
    .addColumn('audio', 'text')
    .addColumn('enclosure_path', 'text')
    .addColumn('artwork', 'text')
    .addColumn('quality', 'text')
    .addColumn('transcript', 'text', (col) => col.notNull())
    .addColumn('chapters', 'text')
    .addColumn('job_id', 'text')
    .addColumn('extra', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('episodes_show_slug_unique', ['show_id', 'slug'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('episodes').execute();
}
