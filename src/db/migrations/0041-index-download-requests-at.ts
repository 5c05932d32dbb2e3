import type { Kysely } from 'kysely';

// Frozen. The fold reads the requests that arrived since its last run, and deletes old ones, by time.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('download_requests_at_idx').on('download_requests').column('at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('download_requests_at_idx').execute();
}
