import type { Kysely } from 'kysely';

// Frozen. The feed compressed with brotli by the rebuild job (quality 11 takes seconds for a
// large feed: once per build, never per process or request). Binary as in 0073.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('feed_documents').addColumn('br', 'bytea').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('feed_documents').dropColumn('br').execute();
}
