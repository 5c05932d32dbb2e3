import type { Kysely } from 'kysely';
import { type ByteThreshold, byteThreshold, id3TagSize } from '../analytics/byte-coverage.js';
import type { Database } from '../db/database.js';
import { findEpisodeById } from '../db/repositories/episodes-repository.js';
import type { BlobStore } from '../storage/blob-store.js';

/** What the fold needs to know of an episode: its show, and a minute of audio of a file of a size. */
export interface EpisodeFacts {
  showId: string;
  /** The size of the episode's current audio file, if it has one. */
  audioSize: number | null;
  thresholdFor: (fileSize: number) => ByteThreshold;
}

/**
 * Looks up episodes for one fold (null when the episode is gone): the duration from the database,
 * the ID3 tag's size from the file's first ten bytes. Each episode is looked up once per fold.
 */
export function createEpisodeFacts(db: Kysely<Database>, store: BlobStore) {
  const known = new Map<string, Promise<EpisodeFacts | null>>();

  async function readId3Size(key: string, size: number): Promise<number> {
    if (size < 10) return 0;
    try {
      const { body } = await store.get(key, { start: 0, end: 9 });
      const chunks: Buffer[] = [];
      for await (const chunk of body) chunks.push(chunk as Buffer);
      return id3TagSize(Buffer.concat(chunks));
    } catch {
      return 0; // the file is gone: count by bitrate alone
    }
  }

  async function lookUp(episodeId: string): Promise<EpisodeFacts | null> {
    const episode = await findEpisodeById(db, episodeId);
    if (!episode) return null;
    const id3Size = episode.audio ? await readId3Size(episode.audio.key, episode.audio.size) : 0;
    const durationSeconds = episode.duration_seconds;
    const thresholds = new Map<number, ByteThreshold>();
    return {
      showId: episode.show_id,
      audioSize: episode.audio?.size ?? null,
      thresholdFor(fileSize) {
        let threshold = thresholds.get(fileSize);
        if (!threshold) {
          threshold = byteThreshold({ size: fileSize, durationSeconds, id3Size });
          thresholds.set(fileSize, threshold);
        }
        return threshold;
      },
    };
  }

  return (episodeId: string): Promise<EpisodeFacts | null> => {
    let facts = known.get(episodeId);
    if (!facts) {
      facts = lookUp(episodeId);
      known.set(episodeId, facts);
    }
    return facts;
  };
}

export type EpisodeFactsLookup = ReturnType<typeof createEpisodeFacts>;
