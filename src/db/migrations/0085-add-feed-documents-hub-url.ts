import type { Kysely } from 'kysely';

// Frozen. The WebSub hub a feed was built with (null: none), so a start with another
// WEBSUB_HUB_URL finds the feeds that still name the old one (or none) and rebuilds them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('feed_documents').addColumn('hub_url', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('feed_documents').dropColumn('hub_url').execute();
}
