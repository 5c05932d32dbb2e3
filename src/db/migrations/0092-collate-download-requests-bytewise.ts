import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen. The request times, episode ids, listener hashes and user agents the fold walks in
// order (0093) mean nothing beyond their bytes: PostgreSQL compares them byte by byte ("C"),
// which is also what keeps writing an index of them cheap. SQLite compares text that way already.
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`ALTER TABLE download_requests
    ALTER COLUMN at TYPE text COLLATE "C",
    ALTER COLUMN episode_id TYPE text COLLATE "C",
    ALTER COLUMN listener TYPE text COLLATE "C",
    ALTER COLUMN user_agent TYPE text COLLATE "C"`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`ALTER TABLE download_requests
    ALTER COLUMN at TYPE text COLLATE "default",
    ALTER COLUMN episode_id TYPE text COLLATE "default",
    ALTER COLUMN listener TYPE text COLLATE "default",
    ALTER COLUMN user_agent TYPE text COLLATE "default"`.execute(db);
}
