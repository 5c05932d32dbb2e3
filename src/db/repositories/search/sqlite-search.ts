import { type Kysely, sql } from 'kysely';
import type { Database } from '../../database.js';
import { forgetEpisode, type HitRow, rememberSignature, signaturesOf, toHit } from './search-bookkeeping.js';
import { MATCH_END, MATCH_START, type SearchRepository } from './search-repository.js';

/** Each word quoted (FTS5 syntax cannot leak in) and matched as a prefix; all words must occur. */
function matchExpression(words: string[]): string {
  return words.map((word) => `"${word.replaceAll('"', '')}"*`).join(' ');
}

/**
 * SQLite FTS5 with the unicode61 tokenizer, diacritics removed: "een" finds "één". The best
 * matches are taken first (FTS5 ranks and cuts them itself, snippets only for those), then joined
 * to their episodes; twice the limit leaves room for hits of episodes unpublished since the last
 * re-index. CROSS JOIN keeps that order of work (SQLite's rule for CROSS JOIN).
 */
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
               f.kind, f.language, f.start_seconds, f.label, f.snippet
        FROM (
          SELECT episode_id, kind, language, start_seconds, label, bm25(search_entries) AS rank,
                 snippet(search_entries, 6, ${MATCH_START}, ${MATCH_END}, '…', 24) AS snippet
          FROM search_entries
          WHERE search_entries MATCH ${matchExpression(words)}
            ${showId ? sql`AND show_id = ${showId}` : sql``}
          ORDER BY rank
          LIMIT ${limit * 2}
        ) f
        CROSS JOIN episodes e ON e.id = f.episode_id AND e.status = 'published'
        CROSS JOIN shows s ON s.id = e.show_id
        ORDER BY f.rank, e.published_at DESC
        LIMIT ${limit}`.execute(db);
      return rows.map(toHit);
    },
  };
}
