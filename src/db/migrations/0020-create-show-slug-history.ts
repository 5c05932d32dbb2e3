import type { Kysely } from 'kysely';

// Frozen. The slugs a show had before a rename, so /feeds/{old}.xml can answer 301 with an
// indexed lookup (it was a LIKE over every show's extra JSON). The slug is the key: when two
// shows left the same slug, the one that left it last is where it points.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('show_slug_history')
    .addColumn('slug', 'text', (col) => col.primaryKey())
    .addColumn('show_id', 'text', (col) => col.notNull().references('shows.id').onDelete('cascade'))
    .addColumn('retired_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('show_slug_history_show').on('show_slug_history').column('show_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('show_slug_history').execute();
}
