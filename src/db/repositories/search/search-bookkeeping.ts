import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../database.js';

/** What both dialects keep the same way: which episode was indexed as what. */
export async function rememberSignature(
  trx: Transaction<Database>,
  episodeId: string,
  showId: string,
  signature: string,
): Promise<void> {
  await trx.deleteFrom('search_episodes').where('episode_id', '=', episodeId).execute();
  await trx
    .insertInto('search_episodes')
    .values({ episode_id: episodeId, show_id: showId, signature })
    .execute();
}

/** Takes an episode out of the index (raw SQL: an FTS5 table in SQLite, a plain one in PostgreSQL). */
export async function forgetEpisode(db: Kysely<Database>, episodeId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`DELETE FROM search_entries WHERE episode_id = ${episodeId}`.execute(trx);
    await trx.deleteFrom('search_episodes').where('episode_id', '=', episodeId).execute();
  });
}

export async function signaturesOf(db: Kysely<Database>, showId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('search_episodes')
    .select(['episode_id', 'signature'])
    .where('show_id', '=', showId)
    .execute();
  return new Map(rows.map((row) => [row.episode_id, row.signature]));
}

export interface HitRow {
  episode_id: string;
  episode_slug: string;
  episode_title: string;
  show_slug: string;
  show_title: string;
  kind: 'title' | 'notes' | 'chapter' | 'transcript';
  language: string;
  start_seconds: number | null;
  label: string | null;
  snippet: string;
}

export function toHit(row: HitRow) {
  return {
    episodeId: row.episode_id,
    episodeSlug: row.episode_slug,
    episodeTitle: row.episode_title,
    showSlug: row.show_slug,
    showTitle: row.show_title,
    kind: row.kind,
    language: row.language,
    startSeconds: row.start_seconds === null ? null : Number(row.start_seconds),
    label: row.label,
    snippet: row.snippet,
  };
}
