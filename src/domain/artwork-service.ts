import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Clock } from '../common/clock.js';
import { newId } from '../common/ids.js';
import type { Database } from '../db/database.js';
import { findEpisodeById, updateEpisode } from '../db/repositories/episodes-repository.js';
import { deleteMediaFile, upsertMediaFile } from '../db/repositories/media-files-repository.js';
import { findShowById, updateShow } from '../db/repositories/shows-repository.js';
import { ArtworkRejectedError, artworkSizes, processArtwork } from '../images/process-artwork.js';
import type { BlobStore } from '../storage/blob-store.js';
import { NotFoundError, UnprocessableError, UnsupportedMediaTypeError } from './errors.js';

/** Where an artwork's renditions live: one folder per upload, so replacing never half-overwrites. */
export interface StoredArtwork {
  version: string;
  width: number;
  keys: Record<string, string>;
}

const acceptedTypes = ['image/jpeg', 'image/png'];

/** Show and episode artwork: checked against Apple's rules, stored in every size players need. */
export function createArtworkService(deps: { db: Kysely<Database>; store: BlobStore; clock: Clock }) {
  const { db, store, clock } = deps;

  async function storeRenditions(
    prefix: string,
    owner: { showId: string | null; episodeId: string | null },
    contentType: string,
    body: Buffer,
  ) {
    if (!acceptedTypes.includes(contentType)) throw new UnsupportedMediaTypeError(contentType, acceptedTypes);
    let processed: Awaited<ReturnType<typeof processArtwork>>;
    try {
      processed = await processArtwork(body);
    } catch (error) {
      if (error instanceof ArtworkRejectedError)
        throw new UnprocessableError(`artwork_${error.reason}`, error.details);
      throw error;
    }
    const version = newId();
    const keys: Record<string, string> = {};
    for (const rendition of processed.derived) {
      const key = `${prefix}/artwork/${version}/${rendition.size}.jpg`;
      const put = await store.put(key, Readable.from([rendition.data]), { contentType: 'image/jpeg' });
      keys[String(rendition.size)] = key;
      await upsertMediaFile(db, {
        id: newId(),
        episode_id: owner.episodeId,
        show_id: owner.showId,
        role: `artwork-${rendition.size}`,
        key,
        size: put.size,
        sha256: put.sha256,
        mime_type: 'image/jpeg',
        duration_seconds: null,
        created_at: clock.now().toISOString(),
      });
    }
    return { version, width: processed.width, keys } satisfies StoredArtwork;
  }

  async function removeOld(previous: StoredArtwork | null) {
    if (!previous) return;
    for (const key of Object.values(previous.keys)) {
      await store.delete(key).catch(() => {});
      await deleteMediaFile(db, key); // the record goes with the bytes
    }
  }

  return {
    sizes: artworkSizes,

    async setShowArtwork(showId: string, contentType: string, body: Buffer): Promise<StoredArtwork> {
      const show = await findShowById(db, showId);
      if (!show) throw new NotFoundError('show', showId);
      const artwork = await storeRenditions(
        `shows/${showId}`,
        { showId, episodeId: null },
        contentType,
        body,
      );
      await updateShow(db, showId, {
        artwork: JSON.stringify(artwork),
        updated_at: clock.now().toISOString(),
      });
      await removeOld(show.artwork);
      return artwork;
    },

    async setEpisodeArtwork(episodeId: string, contentType: string, body: Buffer): Promise<StoredArtwork> {
      const episode = await findEpisodeById(db, episodeId);
      if (!episode) throw new NotFoundError('episode', episodeId);
      const artwork = await storeRenditions(
        `episodes/${episodeId}`,
        { showId: null, episodeId },
        contentType,
        body,
      );
      await updateEpisode(db, episodeId, {
        artwork: JSON.stringify(artwork),
        updated_at: clock.now().toISOString(),
      });
      await removeOld(episode.artwork);
      return artwork;
    },
  };
}

export type ArtworkService = ReturnType<typeof createArtworkService>;
