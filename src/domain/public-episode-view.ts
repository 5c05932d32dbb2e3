import type { EpisodeRecord, TranscriptState } from '../db/codecs/episode-codec.js';
import type { ShowRecord } from '../db/codecs/show-codec.js';
import { cleanHtml, htmlToText } from '../feeds/clean-html.js';
import type { BlobStore } from '../storage/blob-store.js';
import type { Chapter } from '../timed-text/index.js';
import type { PublicUrls } from './public-urls.js';
import type { Person } from './show.js';
import type { TranscriptsService } from './transcripts-service.js';
import { createWaveformBars } from './waveform-bars.js';

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

export interface EpisodeViewDeps {
  store: BlobStore;
  urls: PublicUrls;
  transcripts: TranscriptsService;
  /**
   * Whether a transcriber runs (TRANSCRIBER). Without one a placeholder stays a placeholder, so
   * the pages promise a transcript only when a draft waits for staff or a transcriber will make one.
   */
  transcriberConfigured?: boolean;
}

/**
 * The public view of an episode row: null unless it is published with audio, so drafts,
 * placeholders and staff-only fields never reach a page or player.
 */
export function createPublicEpisodeView(deps: EpisodeViewDeps) {
  const { urls } = deps;
  const barsOf = createWaveformBars(deps.store);
  const transcriptWillFollow = (status: TranscriptState['status']) =>
    status === 'draft' || (status === 'pending' && deps.transcriberConfigured === true);

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

  return async function episodeView(
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
  };
}
