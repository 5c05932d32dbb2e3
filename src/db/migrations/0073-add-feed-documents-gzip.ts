import type { Kysely } from 'kysely';

// Frozen. The feed compressed with gzip by the rebuild job, so no API process compresses it.
// `bytea` is PostgreSQL's binary type; SQLite stores the bytes as a BLOB under any type name.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('feed_documents').addColumn('gzip', 'bytea').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('feed_documents').dropColumn('gzip').execute();
}
