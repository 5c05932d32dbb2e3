import type { Kysely } from 'kysely';
import type { EpisodeRecord, TranscriptState } from '../db/codecs/episode-codec.js';
import type { ShowRecord } from '../db/codecs/show-codec.js';
import type { Database } from '../db/database.js';
import {
  findEpisodeById,
  findEpisodeBySlug,
  listPublishedEpisodes,
} from '../db/repositories/episodes-repository.js';
import { listPublicShows, listPublishedPages } from '../db/repositories/public-listing-repository.js';
import { findShowById, findShowBySlug, findShowBySlugHistory } from '../db/repositories/shows-repository.js';
import { cleanHtml, htmlToText } from '../feeds/clean-html.js';
import type { BlobStore } from '../storage/blob-store.js';
import type { Chapter } from '../timed-text/index.js';
import type { PublicUrls } from './public-urls.js';
import type { Person } from './show.js';
import type { TranscriptsService } from './transcripts-service.js';

/** A show as public pages and players show it: no owner e-mail, no internal state. */
export interface PublicShow {
  id: string;
  slug: string;
  title: string;
  /** Sanitized HTML (feeds/clean-html allowlist) and its plain text. */
  descriptionHtml: string;
  descriptionText: string;
  language: string;
  author: string;
  link: string | null;
  copyright: string | null;
  categories: string[];
  persons: Person[];
  pageUrl: string;
  embedUrl: string;
  feedUrl: string;
  artworkUrl: string | null;
  artworkLargeUrl: string | null;
  /** Podcast apps staff configured (show.extra.subscribe: { apple: url, … }), http(s) only. */
  subscribe: { platform: string; url: string }[];
  /** Origins allowed to frame the embeds (show.extra.embedAllowlist); empty: any. */
  embedAllowlist: string[];
  updatedAt: string;
}

export interface PublicTranscript {
  language: string;
  languages: string[];
  /** Accessible HTML from transcripts.render(…, 'html'): escaped cues with data-start/data-end. */
  html: string;
  vttUrl: string;
}

export interface PublicEpisode {
  id: string;
  slug: string;
  title: string;
  summary: string | null;
  descriptionHtml: string;
  descriptionText: string;
  season: number | null;
  number: number | null;
  type: 'full' | 'trailer' | 'bonus';
  explicit: boolean;
  publishedAt: string | null;
  duration: number;
  audio: { url: string; type: string; size: number };
  /** The waveform reduced to a few hundred bars of 0–100, drawn by the player without another request. */
  bars: number[];
  artworkUrl: string | null;
  pageUrl: string;
  embedUrl: string;
  chapters: Chapter[];
  persons: Person[];
  transcript: PublicTranscript | null;
  /** A transcript is being made (placeholder or unconfirmed draft): the page says one follows. */
  transcriptPending: boolean;
  updatedAt: string;
}

export interface CatalogDeps {
  db: Kysely<Database>;
  store: BlobStore;
  urls: PublicUrls;
  transcripts: TranscriptsService;
  /**
   * Whether a transcriber runs (TRANSCRIBER). Without one a placeholder stays a placeholder, so
   * the pages promise a transcript only when a draft waits for staff or a transcriber will make one.
   */
  transcriberConfigured?: boolean;
}

const BAR_COUNT = 160;
const MAX_PEAKS_BYTES = 32 * 1024 * 1024;
const CACHE_SIZE = 500;
const SAFE_URL = /^https?:\/\/[^\s"<>]+$/i;
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(?::\d{1,5})?$/i;

/**
 * Folds BBC audiowaveform v2 data ([min, max, …]) into `count` bars scaled so the loudest is 100.
 * Scaling to the loudest bar keeps the shape readable for quiet and loud episodes alike.
 */
export function peaksToBars(data: readonly number[], count = BAR_COUNT): number[] {
  const pixels = Math.floor(data.length / 2);
  if (pixels === 0) return [];
  const bars: number[] = [];
  for (let i = 0; i < count; i++) {
    const from = Math.floor((i * pixels) / count);
    const to = Math.max(from + 1, Math.floor(((i + 1) * pixels) / count));
    let peak = 0;
    for (let p = from; p < to && p < pixels; p++) {
      peak = Math.max(peak, Math.abs(data[2 * p]), Math.abs(data[2 * p + 1]));
    }
    bars.push(peak);
  }
  const loudest = Math.max(...bars) || 1;
  return bars.map((b) => Math.round((b / loudest) * 100));
}

/**
 * The public read model behind the player, oEmbed and public pages. Only published episodes are
 * public; drafts, placeholders and staff-only fields never leave this module.
 */
export function createPublicCatalog(deps: CatalogDeps) {
  const { db, store, urls } = deps;
  const barsCache = new Map<string, number[]>();
  const transcriptWillFollow = (status: TranscriptState['status']) =>
    status === 'draft' || (status === 'pending' && deps.transcriberConfigured === true);

  function showView(row: ShowRecord): PublicShow {
    const { extra } = row;
    const artwork = row.artwork !== null;
    const descriptionHtml = cleanHtml(row.description);
    return {
      id: row.id,
      slug: row.slug,
      title: row.title,
      descriptionHtml,
      descriptionText: htmlToText(descriptionHtml),
      language: row.language,
      author: row.author,
      link: row.link && SAFE_URL.test(row.link) ? row.link : null,
      copyright: row.copyright,
      categories: row.categories,
      persons: row.persons,
      pageUrl: urls.showPage(row.slug),
      embedUrl: `${urls.base}/embed/shows/${row.slug}`,
      feedUrl: urls.feedUrl(row.slug),
      artworkUrl: artwork ? `${urls.base}/media/${row.slug}/artwork-600.jpg` : null,
      artworkLargeUrl: urls.showArtworkUrl(row.slug, row.artwork),
      subscribe: Object.entries(extra.subscribe ?? {})
        .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && SAFE_URL.test(entry[1]))
        .map(([platform, url]) => ({ platform, url })),
      embedAllowlist: Array.isArray(extra.embedAllowlist)
        ? extra.embedAllowlist.filter((o): o is string => typeof o === 'string' && ORIGIN.test(o))
        : [],
      updatedAt: row.updated_at,
    };
  }

  /** Reads the peaks file once per version; a missing or broken file only costs the waveform. */
  async function barsOf(episode: EpisodeRecord): Promise<number[]> {
    const key = episode.extra.peaksKey;
    if (!key) return [];
    const cacheKey = `${key}@${episode.updated_at}`;
    const cached = barsCache.get(cacheKey);
    if (cached) return cached;
    let bars: number[] = [];
    try {
      const { body, size } = await store.get(key);
      if (size > MAX_PEAKS_BYTES) {
        body.destroy();
        return [];
      }
      const chunks: Buffer[] = [];
      for await (const chunk of body) chunks.push(chunk as Buffer);
      const json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data?: unknown };
      if (Array.isArray(json.data)) bars = peaksToBars(json.data.map(Number));
    } catch {
      return [];
    }
    if (barsCache.size >= CACHE_SIZE) barsCache.delete(barsCache.keys().next().value as string);
    barsCache.set(cacheKey, bars);
    return bars;
  }

  async function transcriptOf(
    row: EpisodeRecord,
    show: ShowRecord,
    preferred?: string,
  ): Promise<PublicTranscript | null> {
    const { languages } = row.transcript;
    const language = [preferred, show.language].find((l) => l && languages.includes(l)) ?? languages[0];
    if (!language) return null;
    try {
      const rendered = await deps.transcripts.render(row.id, language, 'html', {
        publicOnly: true,
        title: row.title,
      });
      const base = `${urls.base}/media/${show.slug}/${row.slug}`;
      return { language, languages, html: rendered.body, vttUrl: `${base}/transcript.${language}.vtt` };
    } catch {
      return null; // not ready after all (a race with an edit): the page simply has no transcript
    }
  }

  async function episodeView(
    row: EpisodeRecord,
    show: ShowRecord,
    options: { transcript?: boolean; language?: string } = {},
  ): Promise<PublicEpisode | null> {
    if (row.status !== 'published' || !row.audio) return null;
    const audio = row.audio;
    const extra = row.extra;
    const chapters = row.chapters ? (row.chapters.chapters ?? []) : [];
    const descriptionHtml = cleanHtml(row.description ?? row.summary ?? '');
    return {
      id: row.id,
      slug: row.slug,
      title: row.title,
      summary: row.summary,
      descriptionHtml,
      descriptionText: htmlToText(descriptionHtml),
      season: row.season,
      number: row.number,
      type: row.type,
      explicit: row.explicit === 1,
      publishedAt: row.published_at,
      duration: row.duration_seconds ?? 0,
      audio: {
        url: urls.audioUrl(show.slug, row.slug, row.enclosure_path),
        type: audio.type,
        size: audio.size,
      },
      bars: await barsOf(row),
      artworkUrl: row.artwork
        ? `${urls.base}/media/${show.slug}/${row.slug}/artwork-600.jpg`
        : show.artwork
          ? `${urls.base}/media/${show.slug}/artwork-600.jpg`
          : null,
      pageUrl: urls.episodePage(show.slug, row.slug),
      embedUrl: urls.embed(row.id),
      chapters: chapters.filter((c) => c.toc !== false),
      persons: extra.persons ?? [],
      transcript: options.transcript ? await transcriptOf(row, show, options.language) : null,
      transcriptPending: transcriptWillFollow(row.transcript.status),
      updatedAt: row.updated_at,
    };
  }

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
