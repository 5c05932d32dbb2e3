import { type Kysely, sql } from 'kysely';
import type { Database } from '../../database.js';
import { forgetEpisode, type HitRow, rememberSignature, signaturesOf, toHit } from './search-bookkeeping.js';
import { MATCH_END, MATCH_START, type SearchRepository } from './search-repository.js';

/** Each word quoted (FTS5 syntax cannot leak in) and matched as a prefix; all words must occur. */
function matchExpression(words: string[]): string {
  return words.map((word) => `"${word.replaceAll('"', '')}"*`).join(' ');
}

/** SQLite FTS5 with the unicode61 tokenizer, diacritics removed: "een" finds "één". */
export function createSqliteSearch(db: Kysely<Database>): SearchRepository {
  return {
    async replaceEpisode(episodeId, showId, signature, entries) {
      await db.transaction().execute(async (trx) => {
        await sql`DELETE FROM search_entries WHERE episode_id = ${episodeId}`.execute(trx);
        for (const entry of entries) {
          await sql`INSERT INTO search_entries (episode_id, show_id, kind, language, start_seconds, label, text)
            VALUES (${episodeId}, ${showId}, ${entry.kind}, ${entry.language}, ${entry.start_seconds},
                    ${entry.label}, ${entry.text})`.execute(trx);
        }
        await rememberSignature(trx, episodeId, showId, signature);
      });
    },

    removeEpisode: (episodeId) => forgetEpisode(db, episodeId),
    signatures: (showId) => signaturesOf(db, showId),

    async search(words, { limit, showId }) {
      if (words.length === 0) return [];
      const { rows } = await sql<HitRow>`
        SELECT f.episode_id, e.slug AS episode_slug, e.title AS episode_title,
               s.slug AS show_slug, s.title AS show_title,
               f.kind, f.language, f.start_seconds, f.label,
               snippet(search_entries, 6, ${MATCH_START}, ${MATCH_END}, '…', 24) AS snippet
        FROM search_entries f
        JOIN episodes e ON e.id = f.episode_id AND e.status = 'published'
        JOIN shows s ON s.id = e.show_id
        WHERE search_entries MATCH ${matchExpression(words)}
          ${showId ? sql`AND f.show_id = ${showId}` : sql``}
        ORDER BY bm25(search_entries), e.published_at DESC
        LIMIT ${limit}`.execute(db);
      return rows.map(toHit);
    },
  };
}
