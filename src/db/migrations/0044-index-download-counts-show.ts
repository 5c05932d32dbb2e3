import type { Kysely } from 'kysely';

// Frozen. Reports ask for one show's days.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('download_counts_show_idx')
    .on('download_counts')
    .columns(['show_id', 'day'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('download_counts_show_idx').execute();
}
