import type { Kysely } from 'kysely';
import type { EpisodeRecord } from '../db/codecs/episode-codec.js';
import type { Database } from '../db/database.js';
import { findEpisodeByEnclosurePath, findEpisodeBySlug } from '../db/repositories/episodes-repository.js';
import { findShowBySlug } from '../db/repositories/shows-repository.js';
import type { TranscriptOutput, TranscriptsService } from './transcripts-service.js';

export interface PublicText {
  body: string;
  contentType: string;
  updatedAt: string;
  episodeId: string;
  fileKind: 'transcript' | 'chapters';
}

const transcriptFile = /^transcript\.([a-z]{2,3}(?:-[a-z]{2})?)\.(vtt|srt|json|html)$/;

/**
 * Public transcripts and chapters, rendered from the database: `/media/{show}/{episode}.vtt`
 * and `.srt` (the show's language), `/media/{show}/{episode}/transcript.{lang}.{vtt|srt|json|html}`
 * and `/media/{show}/{episode}/chapters.json`. Only ready transcripts of published episodes.
 */
export function createPublicTextMedia(deps: { db: Kysely<Database>; transcripts: TranscriptsService }) {
  const { db } = deps;

  async function publishedEpisode(
    showSlug: string,
    episodeSlug: string,
  ): Promise<{ episode: EpisodeRecord; language: string } | null> {
    const show = await findShowBySlug(db, showSlug);
    const episode =
      (await findEpisodeByEnclosurePath(db, `${showSlug}/${episodeSlug}.mp3`)) ??
      (show ? await findEpisodeBySlug(db, show.id, episodeSlug) : undefined);
    if (episode?.status !== 'published') return null;
    return { episode, language: show?.language ?? 'nl' };
  }

  async function transcript(
    episode: EpisodeRecord,
    language: string,
    format: TranscriptOutput,
  ): Promise<PublicText | null> {
    const state = episode.transcript;
    if (!state.languages.includes(language)) return null;
    const rendered = await deps.transcripts.render(episode.id, language, format, {
      publicOnly: true,
      title: episode.title,
    });
    return {
      body: rendered.body,
      contentType: rendered.contentType,
      updatedAt: rendered.updatedAt,
      episodeId: episode.id,
      fileKind: 'transcript',
    };
  }

  return {
    async resolve(showSlug: string, segments: string[]): Promise<PublicText | null> {
      if (segments.length === 1) {
        const match = /^([a-z0-9-]+)\.(vtt|srt)$/.exec(segments[0]);
        if (!match) return null;
        const found = await publishedEpisode(showSlug, match[1]);
        if (!found) return null;
        const state = found.episode.transcript;
        const language = state.languages.includes(found.language) ? found.language : state.languages[0];
        return language ? transcript(found.episode, language, match[2] as TranscriptOutput) : null;
      }
      if (segments.length !== 2) return null;
      const found = await publishedEpisode(showSlug, segments[0]);
      if (!found) return null;
      if (segments[1] === 'chapters.json') {
        if (!found.episode.chapters) return null;
        return {
          body: JSON.stringify(found.episode.chapters),
          contentType: 'application/json+chapters; charset=utf-8',
          updatedAt: found.episode.updated_at,
          episodeId: found.episode.id,
          fileKind: 'chapters',
        };
      }
      const match = transcriptFile.exec(segments[1]);
      return match ? transcript(found.episode, match[1], match[2] as TranscriptOutput) : null;
    },
  };
}

export type PublicTextMedia = ReturnType<typeof createPublicTextMedia>;
