import type { EpisodeRecord, QualityReport, TranscriptState } from '../db/codecs/episode-codec.js';
import { failureMessage } from './failure-reasons.js';
import type { Person } from './show.js';

export type EpisodeStatus = EpisodeRecord['status'];

/**
 * States an episode rests in until staff act again; `draft` and `processing` are on their way
 * somewhere (an upload is expected, a job runs), so whoever watches them keeps watching.
 */
export function isSettledStatus(status: EpisodeStatus): boolean {
  return status === 'ready' || status === 'published' || status === 'scheduled' || status === 'failed';
}

export type {
  EpisodeExtra,
  EpisodeRecord,
  QualityReport,
  StoredAudio,
  TranscriptState,
} from '../db/codecs/episode-codec.js';

/** The public JSON shape of an episode (the Episode schema of /openapi.json). */
export interface Episode {
  id: string;
  showId: string;
  slug: string;
  title: string;
  summary: string | null;
  description: string | null;
  season: number | null;
  number: number | null;
  type: 'full' | 'trailer' | 'bonus';
  explicit: boolean;
  status: EpisodeStatus;
  failureReason: string | null;
  /** failureReason in a sentence, Dutch and English. */
  failureMessage: { nl: string; en: string } | null;
  publishAt: string | null;
  publishedAt: string | null;
  guid: string;
  duration: number | null;
  audio: { url: string; type: string; size: number } | null;
  artworkUrl: string | null;
  quality: QualityReport | null;
  transcript: TranscriptState;
  persons: Person[];
  soundbites: { startSeconds: number; durationSeconds: number; title?: string }[];
  jobId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface EpisodeInput {
  slug?: string;
  title: string;
  summary?: string | null;
  description?: string | null;
  season?: number | null;
  number?: number | null;
  type?: 'full' | 'trailer' | 'bonus';
  explicit?: boolean;
  publishAt?: string | null;
  persons?: Person[];
  soundbites?: { startSeconds: number; durationSeconds: number; title?: string }[];
}

export type EpisodePatch = Partial<EpisodeInput>;

export interface EpisodeUrls {
  /** The stable public enclosure URL; `enclosurePath` wins once the episode was published. */
  audioUrl(showSlug: string, episodeSlug: string, enclosurePath: string | null): string;
  episodeArtworkUrl(showSlug: string, episodeSlug: string, artwork: unknown): string | null;
}

export function toEpisode(row: EpisodeRecord, showSlug: string, urls: EpisodeUrls): Episode {
  const audio = row.audio ? row.audio : null;
  const extra = row.extra;
  return {
    id: row.id,
    showId: row.show_id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    description: row.description,
    season: row.season,
    number: row.number,
    type: row.type,
    explicit: row.explicit === 1,
    status: row.status,
    failureReason: row.failure_reason,
    failureMessage: failureMessage(row.failure_reason),
    publishAt: row.publish_at,
    publishedAt: row.published_at,
    guid: row.guid,
    duration: row.duration_seconds,
    audio: audio
      ? { url: urls.audioUrl(showSlug, row.slug, row.enclosure_path), type: audio.type, size: audio.size }
      : null,
    artworkUrl: urls.episodeArtworkUrl(showSlug, row.slug, row.artwork),
    quality: row.quality ? row.quality : null,
    transcript: row.transcript,
    persons: extra.persons ?? [],
    soundbites: extra.soundbites ?? [],
    jobId: row.job_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Whether the episode is in its show's public feed: the one test every rule uses to decide
 * that a change needs a feed rebuild (an unpublished or scheduled episode is not in it).
 */
export function isInFeed(episode: Pick<EpisodeRecord, 'status'>): boolean {
  return episode.status === 'published';
}
