import { type Kysely, sql } from 'kysely';

// Frozen. The fold sums up a day's requests one episode at a time, per listener, and reads the
// requests of a few listeners again. This index holds every column that sum reads, in day,
// episode, listener and time order: the database walks it in that order, so it neither sorts a
// day's requests nor visits the table for them (PostgreSQL once autovacuum has marked the pages
// visible), and finds an episode's or a listener's requests of a day directly.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX download_requests_fold_idx ON download_requests (
    substr(at, 1, 10), episode_id, listener, user_agent, at, web_player, countable_bytes, file_size
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('download_requests_fold_idx').execute();
}
