import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../database.js';
import { foldDiacritics } from './fold-diacritics.js';
import { forgetEpisode, type HitRow, rememberSignature, signaturesOf, toHit } from './search-bookkeeping.js';
import { MATCH_END, MATCH_START, type SearchRepository } from './search-repository.js';

/** PostgreSQL's text search configuration for a language tag; 'simple' (no stemming) otherwise. */
const configurations: Record<string, string> = {
  nl: 'dutch',
  en: 'english',
  de: 'german',
  fr: 'french',
  es: 'spanish',
  it: 'italian',
  pt: 'portuguese',
  da: 'danish',
  sv: 'swedish',
  no: 'norwegian',
  fi: 'finnish',
};

export function textSearchConfiguration(language: string): string {
  return configurations[language.toLowerCase().split('-')[0]] ?? 'simple';
}

/** Each word as a prefix term; all words must occur. Words were stripped of operators before. */
function prefixQuery(words: string[], configuration: string): RawBuilder<unknown> {
  const terms = words.map((word) => `${word.replace(/[^\p{L}\p{N}]/gu, '')}:*`).filter((t) => t !== ':*');
  return sql`to_tsquery(${configuration}::regconfig, ${terms.join(' & ')})`;
}

/** The row's own configuration in SQL, so highlighting stems the passage as indexing did. */
const rowConfiguration = sql`(CASE split_part(lower(f.language), '-', 1) ${sql.join(
  Object.entries(configurations).map(
    ([tag, name]) => sql`WHEN ${sql.lit(tag)} THEN ${sql.lit(name)}::regconfig`,
  ),
  sql` `,
)} ELSE 'simple'::regconfig END)`;

/**
 * PostgreSQL full text: each passage is stemmed with its own language's configuration (Dutch for
 * Dutch episodes), and a query is tried in Dutch, English and without stemming together.
 */
export function createPostgresSearch(db: Kysely<Database>): SearchRepository {
  return {
    async replaceEpisode(episodeId, showId, signature, entries) {
      await db.transaction().execute(async (trx) => {
        await sql`DELETE FROM search_entries WHERE episode_id = ${episodeId}`.execute(trx);
        for (const entry of entries) {
          const configuration = textSearchConfiguration(entry.language);
          await sql`INSERT INTO search_entries (episode_id, show_id, kind, language, start_seconds, label, text, document)
            VALUES (${episodeId}, ${showId}, ${entry.kind}, ${entry.language}, ${entry.start_seconds},
                    ${entry.label}, ${entry.text}, to_tsvector(${configuration}::regconfig, ${foldDiacritics(entry.text)}))`.execute(
            trx,
          );
        }
        await rememberSignature(trx, episodeId, showId, signature);
      });
    },

    removeEpisode: (episodeId) => forgetEpisode(db, episodeId),
    signatures: (showId) => signaturesOf(db, showId),

    async search(words, { limit, showId }) {
      const usable = words.filter((word) => /[\p{L}\p{N}]/u.test(word));
      if (usable.length === 0) return [];
      const anyLanguage = (list: string[]) =>
        sql`(${prefixQuery(list, 'dutch')} || ${prefixQuery(list, 'english')} || ${prefixQuery(list, 'simple')})`;
      // Documents are indexed without accents, so they are matched by the folded words; the
      // passage shown keeps its accents, so highlighting also looks for the words as typed.
      const folded = usable.map(foldDiacritics);
      const { rows } = await sql<HitRow>`
        WITH q AS (SELECT ${anyLanguage(folded)} AS query, ${anyLanguage(folded)} || ${anyLanguage(usable)} AS marks)
        SELECT f.episode_id, e.slug AS episode_slug, e.title AS episode_title,
               s.slug AS show_slug, s.title AS show_title,
               f.kind, f.language, f.start_seconds, f.label,
               ts_headline(${rowConfiguration}, f.text, q.marks,
                 ${`StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=30, MinWords=12, ShortWord=2, FragmentDelimiter=…, MaxFragments=1`}
               ) AS snippet
        FROM q, search_entries f
        JOIN episodes e ON e.id = f.episode_id AND e.status = 'published'
        JOIN shows s ON s.id = e.show_id
        WHERE f.document @@ q.query
          ${showId ? sql`AND f.show_id = ${showId}` : sql``}
        ORDER BY ts_rank(f.document, q.query) DESC, e.published_at DESC
        LIMIT ${limit}`.execute(db);
      return rows.map(toHit);
    },
  };
}
