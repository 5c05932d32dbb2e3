import type { Kysely } from 'kysely';

// Frozen. The fold no longer replays a listener's requests from this index: 0093's index, which
// leads with the day and the episode, takes its place. The previous version's fold reads requests
// by time, so its processes keep working without it during an upgrade.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('download_requests_listener_idx').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('download_requests_listener_idx')
    .on('download_requests')
    .columns(['listener', 'episode_id', 'at'])
    .execute();
}
