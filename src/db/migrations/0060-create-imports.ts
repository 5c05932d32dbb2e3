import type { Kysely } from 'kysely';

// Frozen. Feed imports: one row per POST /api/v1/imports, with the progress the job reports and
// the problems it met (JSON list), so staff can follow a move and see what did not come along.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('feed_url', 'text', (col) => col.notNull())
    .addColumn('show_id', 'text')
    .addColumn('job_id', 'text')
    .addColumn('process_audio', 'integer', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('total', 'integer', (col) => col.notNull())
    .addColumn('done', 'integer', (col) => col.notNull())
    .addColumn('failed', 'integer', (col) => col.notNull())
    .addColumn('problems', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('imports').execute();
}
