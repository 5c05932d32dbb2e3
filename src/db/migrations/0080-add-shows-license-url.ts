import type { Kysely } from 'kysely';

// Frozen. podcast:license is a listed id or a custom name with the URL of its legal text; the URL
// gets its own column so `license` never has to hold two kinds of value (0081 converts old rows).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('shows').addColumn('license_url', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('shows').dropColumn('license_url').execute();
}
