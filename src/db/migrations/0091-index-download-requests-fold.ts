import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen. The fold sums up a day's requests one episode at a time, per listener, and reads the
// requests of a few listeners again. One index holds every column that sum reads, in day,
// episode, listener and time order: the database walks it in that order, so it neither sorts a
// day's requests nor visits the table for them (PostgreSQL once autovacuum has marked the pages
// visible). It replaces the listener index. In PostgreSQL the times, ids, hashes and user agents
// compare byte by byte ("C"), which is all their order means, and keeps writing the index cheap.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('download_requests_listener_idx').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`ALTER TABLE download_requests
      ALTER COLUMN at TYPE text COLLATE "C",
      ALTER COLUMN episode_id TYPE text COLLATE "C",
      ALTER COLUMN listener TYPE text COLLATE "C",
      ALTER COLUMN user_agent TYPE text COLLATE "C"`.execute(db);
  }
  await sql`CREATE INDEX download_requests_fold_idx ON download_requests (
    substr(at, 1, 10), episode_id, listener, user_agent, at, web_player, countable_bytes, file_size
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('download_requests_fold_idx').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`ALTER TABLE download_requests
      ALTER COLUMN at TYPE text COLLATE "default",
      ALTER COLUMN episode_id TYPE text COLLATE "default",
      ALTER COLUMN listener TYPE text COLLATE "default",
      ALTER COLUMN user_agent TYPE text COLLATE "default"`.execute(db);
  }
  await db.schema
    .createIndex('download_requests_listener_idx')
    .on('download_requests')
    .columns(['listener', 'episode_id', 'at'])
    .execute();
}
