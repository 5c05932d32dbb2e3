import type { Kysely } from 'kysely';
import type { ShowRecord } from '../db/codecs/show-codec.js';
import type { Database } from '../db/database.js';
import {
  findEpisodeById,
  findEpisodeBySlug,
  listPublishedEpisodes,
} from '../db/repositories/episodes-repository.js';
import { listPublicShows, listPublishedPages } from '../db/repositories/public-listing-repository.js';
import { findShowById, findShowBySlug, findShowBySlugHistory } from '../db/repositories/shows-repository.js';
import { createPublicEpisodeView, type EpisodeViewDeps, type PublicEpisode } from './public-episode-view.js';
import { type PublicShow, publicShowView } from './public-show-view.js';

export interface CatalogDeps extends EpisodeViewDeps {
  db: Kysely<Database>;
}

/**
 * The public read model behind the player, oEmbed and public pages. Only published episodes are
 * public; drafts, placeholders and staff-only fields never leave this module (the views are in
 * public-show-view.ts and public-episode-view.ts).
 */
export function createPublicCatalog(deps: CatalogDeps) {
  const { db, urls } = deps;
  const showView = (row: ShowRecord) => publicShowView(row, urls);
  const episodeView = createPublicEpisodeView(deps);

  return {
    /** A show and its latest published episodes (without transcripts); null before the first is published. */
    async show(slug: string, options: { limit?: number } = {}) {
      const row = await findShowBySlug(db, slug);
      if (!row) return null;
      const published = await listPublishedEpisodes(db, row.id);
      // A show is announced by its first published episode: until then its page, embed and
      // oEmbed do not exist (title and description of a show not yet public stay internal).
      if (published.length === 0) return null;
      const rows = published.slice(0, options.limit ?? 50);
      const episodes = (await Promise.all(rows.map((r) => episodeView(r, row)))).filter(
        (e): e is PublicEpisode => e !== null,
      );
      return { show: showView(row), episodes };
    },

    /** One published episode with its chapters and transcript (in `language` when there is one). */
    async episodeById(id: string, options: { language?: string } = {}) {
      const row = await findEpisodeById(db, id);
      const showRow = row && (await findShowById(db, row.show_id));
      if (!row || !showRow) return null;
      const episode = await episodeView(row, showRow, { transcript: true, language: options.language });
      return episode && { show: showView(showRow), episode };
    },

    async episodeBySlugs(showSlug: string, episodeSlug: string, options: { language?: string } = {}) {
      const showRow = await findShowBySlug(db, showSlug);
      const row = showRow && (await findEpisodeBySlug(db, showRow.id, episodeSlug));
      if (!row || !showRow) return null;
      const episode = await episodeView(row, showRow, { transcript: true, language: options.language });
      return episode && { show: showView(showRow), episode };
    },

    /** Shows with at least one published episode, each with its newest episode (for the home page). */
    async listedShows(): Promise<{ show: PublicShow; latest: PublicEpisode | null }[]> {
      const rows = await listPublicShows(db);
      return Promise.all(
        rows.map(async (row) => {
          const [newest] = await listPublishedEpisodes(db, row.id);
          return { show: showView(row), latest: newest ? await episodeView(newest, row) : null };
        }),
      );
    },

    /** Every public page with its last change, for sitemap.xml. */
    async sitemap(): Promise<{ url: string; updatedAt: string }[]> {
      const pages = await listPublishedPages(db);
      const shows = new Map<string, string>();
      for (const page of pages) {
        const latest = shows.get(page.show_slug);
        const changed = page.updated_at > page.show_updated_at ? page.updated_at : page.show_updated_at;
        if (!latest || changed > latest) shows.set(page.show_slug, changed);
      }
      return [
        ...[...shows].map(([slug, updatedAt]) => ({ url: urls.showPage(slug), updatedAt })),
        ...pages.map((page) => ({
          url: urls.episodePage(page.show_slug, page.episode_slug),
          updatedAt: page.updated_at,
        })),
      ];
    },

    /** The current slug of a show that used `slug` before a rename, for 301s. */
    async movedShowSlug(slug: string): Promise<string | null> {
      const row = await findShowBySlugHistory(db, slug);
      // The new name of a show not yet announced is not public either.
      if (!row || (await listPublishedEpisodes(db, row.id)).length === 0) return null;
      return row.slug;
    },
  };
}

export type PublicCatalog = ReturnType<typeof createPublicCatalog>;
