import type { Kysely } from 'kysely';

// Frozen. Small named values of the download counting: the fold's watermark, and per show whether
// its totals are public (opt-in).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('download_settings')
    .addColumn('name', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('download_settings').execute();
}
