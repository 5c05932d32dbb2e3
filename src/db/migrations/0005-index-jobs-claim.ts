import type { Kysely } from 'kysely';

// Frozen. Workers claim by (status, run_at); without this index every poll scans the table.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('jobs_claim_idx').on('jobs').columns(['status', 'run_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('jobs_claim_idx').execute();
}
