import type { Kysely } from 'kysely';

// Frozen. Today's random salt for visitor hashes; yesterday's is deleted, so old hashes can
// never be recomputed from an IP address.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('analytics_salts')
    .addColumn('day', 'text', (col) => col.primaryKey())
    .addColumn('salt', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('analytics_salts').execute();
}
