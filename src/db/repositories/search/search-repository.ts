import type { Kysely } from 'kysely';
import type { Database, SearchEntriesTable } from '../../database.js';
import { createPostgresSearch } from './postgres-search.js';
import { createSqliteSearch } from './sqlite-search.js';

export type SearchEntry = Omit<SearchEntriesTable, 'episode_id' | 'show_id'>;

/** Where the markers around matched words sit in a snippet (never in user text: control characters). */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

export interface SearchHit {
  episodeId: string;
  episodeSlug: string;
  episodeTitle: string;
  showSlug: string;
  showTitle: string;
  kind: SearchEntriesTable['kind'];
  language: string;
  startSeconds: number | null;
  label: string | null;
  /** The matching passage, shortened, with MATCH_START/MATCH_END around each matched word. */
  snippet: string;
}

/** The full-text index behind search, one implementation per dialect (FTS5, tsvector). */
export interface SearchRepository {
  /** Replaces everything indexed for one episode, and remembers its signature, in one transaction. */
  replaceEpisode(episodeId: string, showId: string, signature: string, entries: SearchEntry[]): Promise<void>;
  removeEpisode(episodeId: string): Promise<void>;
  /** episode id → signature of what is indexed now, for one show. */
  signatures(showId: string): Promise<Map<string, string>>;
  /** Published episodes only, best first. `words` are plain words (no operators). */
  search(words: string[], options: { limit: number; showId?: string }): Promise<SearchHit[]>;
}

export function createSearchRepository(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
): SearchRepository {
  return dialect === 'postgres' ? createPostgresSearch(db) : createSqliteSearch(db);
}
