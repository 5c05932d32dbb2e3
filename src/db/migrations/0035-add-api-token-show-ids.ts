import type { Kysely } from 'kysely';

// Frozen. API tokens may be limited to some shows, as staff accounts are: a JSON array, NULL = all.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_tokens').addColumn('show_ids', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_tokens').dropColumn('show_ids').execute();
}
