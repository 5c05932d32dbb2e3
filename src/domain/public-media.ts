import type { Kysely } from 'kysely';
import type { EpisodeRecord } from '../db/codecs/episode-codec.js';
import type { Database } from '../db/database.js';
import { findEpisodeByEnclosurePath, findEpisodeBySlug } from '../db/repositories/episodes-repository.js';
import { findMediaFile } from '../db/repositories/media-files-repository.js';
import { findShowBySlug } from '../db/repositories/shows-repository.js';

export interface PublicFile {
  key: string;
  contentType: string;
  size: number;
  sha256: string;
  updatedAt: string;
  downloadName: string;
  /** Set for files whose requests count as downloads. */
  analytics?: { episodeId: string; fileKind: 'audio' | 'peaks' | 'transcript' | 'chapters' };
}

const artworkName = /^artwork-(3000|1400|600|300)\.jpg$/;

/**
 * Maps a public media URL to a stored file. Only published episodes are public; the enclosure
 * path frozen at first publish keeps answering after a slug change. No part of the URL is ever
 * used as a storage key: keys come from the database.
 */
export function createPublicMedia(deps: { db: Kysely<Database> }) {
  const { db } = deps;

  async function describe(
    key: string,
    fallbackType: string,
    name: string,
    updatedAt: string,
  ): Promise<PublicFile | null> {
    const file = await findMediaFile(db, key);
    if (!file) return null;
    return {
      key,
      contentType: file.mime_type || fallbackType,
      size: file.size,
      sha256: file.sha256,
      updatedAt,
      downloadName: name,
    };
  }

  async function publishedEpisode(showSlug: string, episodeSlug: string): Promise<EpisodeRecord | null> {
    const byEnclosure = await findEpisodeByEnclosurePath(db, `${showSlug}/${episodeSlug}.mp3`);
    if (byEnclosure) return byEnclosure.status === 'published' ? byEnclosure : null;
    const show = await findShowBySlug(db, showSlug);
    if (!show) return null;
    const episode = await findEpisodeBySlug(db, show.id, episodeSlug);
    return episode?.status === 'published' ? episode : null;
  }

  return {
    async resolve(showSlug: string, segments: string[]): Promise<PublicFile | null> {
      if (segments.length === 1 && artworkName.test(segments[0])) {
        const show = await findShowBySlug(db, showSlug);
        if (!show?.artwork) return null;
        const size = artworkName.exec(segments[0])![1];
        const key = show.artwork.keys[size];
        return key ? describe(key, 'image/jpeg', segments[0], show.updated_at) : null;
      }
      if (segments.length === 2 && artworkName.test(segments[1])) {
        const episode = await publishedEpisode(showSlug, segments[0]);
        if (!episode?.artwork) return null;
        const size = artworkName.exec(segments[1])![1];
        const key = episode.artwork.keys[size];
        return key ? describe(key, 'image/jpeg', segments[1], episode.updated_at) : null;
      }
      if (segments.length !== 1) return null;
      const match = /^([a-z0-9-]+)\.(mp3|json)$/.exec(segments[0]);
      if (!match) return null;
      const [, episodeSlug, extension] = match;
      const episode = await publishedEpisode(showSlug, episodeSlug);
      if (!episode?.audio) return null;
      if (extension === 'mp3') {
        const audio = episode.audio;
        const file = await describe(audio.key, 'audio/mpeg', `${episode.slug}.mp3`, episode.updated_at);
        return file && { ...file, analytics: { episodeId: episode.id, fileKind: 'audio' } };
      }
      const peaksKey = episode.extra.peaksKey;
      if (!peaksKey) return null;
      const file = await describe(peaksKey, 'application/json', `${episode.slug}.json`, episode.updated_at);
      return file && { ...file, analytics: { episodeId: episode.id, fileKind: 'peaks' } };
    },
  };
}

export type PublicMedia = ReturnType<typeof createPublicMedia>;
