import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Clock } from '../common/clock.js';
import { newId } from '../common/ids.js';
import type { Database } from '../db/database.js';
import { findEpisodeById, updateEpisode } from '../db/repositories/episodes-repository.js';
import { deleteMediaFile, upsertMediaFile } from '../db/repositories/media-files-repository.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { BlobStore } from '../storage/blob-store.js';
import { BlobTooLargeError } from '../storage/storage-errors.js';
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  TooLargeError,
  UnsupportedMediaTypeError,
} from './errors.js';

/** Containers and codecs people upload; the real check is ffprobe in the processing job. */
const extensionByType: Record<string, string> = {
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/mp4': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/aac': 'aac',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/wave': 'wav',
  'audio/vnd.wave': 'wav',
  'audio/aiff': 'aiff',
  'audio/x-aiff': 'aiff',
  'audio/flac': 'flac',
  'audio/x-flac': 'flac',
  'audio/ogg': 'ogg',
  'audio/opus': 'opus',
  'audio/amr': 'amr', // phone and voicemail recordings; the amr demuxer is accepted
  'audio/webm': 'webm',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'video/webm': 'webm',
  'video/x-matroska': 'mkv',
  'application/octet-stream': 'bin',
};

export const acceptedUploadTypes = Object.keys(extensionByType);

/** A safe extension from a user's file name, for the stored original only (never a path). */
function extensionFromName(filename: string | undefined): string | undefined {
  const match = /\.([A-Za-z0-9]{1,5})$/.exec(filename ?? '');
  return match ? match[1].toLowerCase() : undefined;
}

export interface IngestDeps {
  db: Kysely<Database>;
  store: BlobStore;
  queue: JobQueue;
  clock: Clock;
  maxUploadBytes: number;
}

/**
 * Takes an uploaded recording: streams it to storage (never into memory), then, in one step,
 * marks the episode `processing` and queues the processing job. If anything fails before that
 * step, the stored bytes are removed: no record points to half a file, no file is orphaned.
 */
export function createEpisodeIngest(deps: IngestDeps) {
  const { db, store, queue, clock } = deps;

  async function requireUploadable(episodeId: string) {
    const row = await findEpisodeById(db, episodeId);
    if (!row) throw new NotFoundError('episode', episodeId);
    if (row.status === 'published' || row.status === 'scheduled') {
      throw new ConflictError('conflict', { reason: 'unpublish the episode before replacing its audio' });
    }
    return row;
  }

  return {
    /** Checks done before any byte is read: the episode, the type and the declared size. */
    async precheck(episodeId: string, contentType: string | undefined, contentLength: number | undefined) {
      await requireUploadable(episodeId);
      const type = (contentType ?? 'application/octet-stream').split(';')[0].trim().toLowerCase();
      if (!extensionByType[type])
        throw new UnsupportedMediaTypeError(type, ['audio/*', 'video/*', 'application/octet-stream']);
      if (contentLength !== undefined && contentLength > deps.maxUploadBytes)
        throw new TooLargeError(deps.maxUploadBytes);
      return type;
    },

    /** Stores a stream as the episode's new original and queues processing; returns the job id. */
    async acceptStream(
      episodeId: string,
      body: Readable,
      options: { contentType?: string; contentLength?: number; filename?: string },
    ): Promise<{ jobId: string }> {
      const type = await this.precheck(episodeId, options.contentType, options.contentLength);
      const extension = extensionFromName(options.filename) ?? extensionByType[type];
      const key = `episodes/${episodeId}/originals/${newId()}.${extension}`;
      let stored: Awaited<ReturnType<BlobStore['put']>>;
      try {
        stored = await store.put(key, body, { contentType: type, maxBytes: deps.maxUploadBytes });
      } catch (error) {
        await store.delete(key).catch(() => {});
        if (error instanceof BlobTooLargeError) throw new TooLargeError(deps.maxUploadBytes);
        // The client went away or its stream broke: nothing was kept, the episode is unchanged.
        throw new InvalidInputError('upload_interrupted', [], { message: (error as Error).message ?? '' });
      }
      try {
        await upsertMediaFile(db, {
          id: newId(),
          episode_id: episodeId,
          show_id: null,
          role: 'original',
          key,
          size: stored.size,
          sha256: stored.sha256,
          mime_type: type,
          duration_seconds: null,
          created_at: clock.now().toISOString(),
        });
        return await this.acceptStored(episodeId, key, options.filename);
      } catch (error) {
        await store.delete(key).catch(() => {});
        await deleteMediaFile(db, key).catch(() => {});
        throw error;
      }
    },

    /** For bytes already in storage under a service-made key (a finished tus upload). */
    async acceptStored(episodeId: string, key: string, filename?: string): Promise<{ jobId: string }> {
      await requireUploadable(episodeId);
      const jobId = await db.transaction().execute(async (trx) => {
        const id = await queue.enqueue(
          'process-episode',
          { episodeId, sourceKey: key, filename },
          { maxAttempts: 3, within: trx },
        );
        await updateEpisode(trx, episodeId, {
          status: 'processing',
          failure_reason: null,
          job_id: id,
          updated_at: clock.now().toISOString(),
        });
        return id;
      });
      // The job became visible at the commit: wake a same-process worker now.
      queue.announce();
      return { jobId };
    },
  };
}

export type EpisodeIngest = ReturnType<typeof createEpisodeIngest>;
