import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import {
  createSearchRepository,
  MATCH_END,
  MATCH_START,
} from '../db/repositories/search/search-repository.js';
import { listSearchSources } from '../db/repositories/search/search-sources.js';
import type { PublicUrls } from './public-urls.js';
import { searchEntries } from './search-entries.js';

export interface SearchResult {
  showTitle: string;
  episodeTitle: string;
  /** The episode page; for a moment, with `#t=` (and `?transcript=` for the transcript's language). */
  url: string;
  kind: 'title' | 'notes' | 'chapter' | 'transcript';
  language: string;
  startSeconds: number | null;
  speaker: string | null;
  /** The passage in pieces, `match: true` for the words that matched, to be escaped by the page. */
  snippet: { text: string; match: boolean }[];
}

const MAX_WORDS = 12;
const MAX_QUERY_LENGTH = 200;

/** Words of a query: letters and digits only, so no search syntax of either database leaks in. */
export function queryWords(query: string): string[] {
  return query
    .slice(0, MAX_QUERY_LENGTH)
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, MAX_WORDS);
}

/** Splits a database snippet at its markers into plain and matched pieces. */
export function snippetPieces(snippet: string): { text: string; match: boolean }[] {
  const pieces: { text: string; match: boolean }[] = [];
  for (const [index, part] of snippet.split(new RegExp(`[${MATCH_START}${MATCH_END}]`)).entries()) {
    if (part) pieces.push({ text: part, match: index % 2 === 1 });
  }
  return pieces;
}

/**
 * Search through every published episode: titles, descriptions, chapters and transcripts. The
 * index follows the feed: each feed rebuild re-indexes the show's episodes whose text changed.
 */
export function createSearchService(deps: {
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  urls: PublicUrls;
}) {
  const repository = createSearchRepository(deps.db, deps.dialect);

  return {
    /** Brings the index of one show up to date; unchanged episodes are not touched. */
    async reindexShow(showId: string): Promise<{ indexed: number; removed: number }> {
      const sources = await listSearchSources(deps.db, showId);
      const indexed = await repository.signatures(showId);
      let count = 0;
      for (const source of sources) {
        if (indexed.get(source.episodeId) === source.signature) continue;
        await repository.replaceEpisode(source.episodeId, showId, source.signature, searchEntries(source));
        count++;
      }
      const published = new Set(sources.map((s) => s.episodeId));
      const gone = [...indexed.keys()].filter((id) => !published.has(id));
      for (const episodeId of gone) await repository.removeEpisode(episodeId);
      return { indexed: count, removed: gone.length };
    },

    async search(query: string, options: { limit?: number } = {}): Promise<SearchResult[]> {
      const words = queryWords(query);
      const hits = await repository.search(words, { limit: Math.min(options.limit ?? 30, 100) });
      return hits.map((hit) => {
        const page = deps.urls.episodePage(hit.showSlug, hit.episodeSlug);
        const moment = hit.startSeconds !== null ? `#t=${Math.floor(hit.startSeconds)}` : '';
        const language = hit.kind === 'transcript' ? `?transcript=${encodeURIComponent(hit.language)}` : '';
        return {
          showTitle: hit.showTitle,
          episodeTitle: hit.episodeTitle,
          url: `${page}${language}${moment}`,
          kind: hit.kind,
          language: hit.language,
          startSeconds: hit.startSeconds,
          speaker: hit.label,
          snippet: snippetPieces(hit.snippet),
        };
      });
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
