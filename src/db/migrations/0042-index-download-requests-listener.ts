import type { Kysely } from 'kysely';

// Frozen. The fold replays one listener's requests per episode in time order.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('download_requests_listener_idx')
    .on('download_requests')
    .columns(['listener', 'episode_id', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('download_requests_listener_idx').execute();
}
