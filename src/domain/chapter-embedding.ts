import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import { type MediaTools, writeChapters } from '../audio/index.js';
import type { Clock } from '../common/clock.js';
import { newId } from '../common/ids.js';
import type { Database } from '../db/database.js';
import { findEpisodeById, updateEpisode } from '../db/repositories/episodes-repository.js';
import { deleteMediaFile, upsertMediaFile } from '../db/repositories/media-files-repository.js';
import { findShowById } from '../db/repositories/shows-repository.js';
import { PermanentJobError } from '../jobs/permanent-job-error.js';
import type { BlobStore } from '../storage/blob-store.js';
import type { DomainEventEmitter } from './domain-events.js';
import type { StoredAudio } from './episode.js';

/**
 * The write-chapters job: puts the episode's chapters into its delivery MP3 as ID3 CHAP frames,
 * and its current title, summary, show title and author as ID3 tags (no re-encode), for apps
 * that read them from the file rather than the feed. Queued when chapters or those texts change.
 * The new file gets a new key; the enclosure URL stays, its length changes, so the feed is rebuilt.
 */
export function createChapterEmbedding(deps: {
  db: Kysely<Database>;
  store: BlobStore;
  clock: Clock;
  tools: MediaTools;
  tempDir: string;
  events: DomainEventEmitter;
}) {
  const { db, store } = deps;
  return {
    async embed(episodeId: string, jobId: string): Promise<void> {
      const row = await findEpisodeById(db, episodeId);
      if (!row?.audio || row.status === 'processing') return;
      const audio = row.audio;
      // Gone from storage (`npm run fsck` reports it): no retry can bring it back, so the job
      // fails for good at once instead of five times over half a minute.
      if (!(await store.head(audio.key))) {
        throw new PermanentJobError(`the delivery file ${audio.key} is missing from storage`);
      }
      const show = await findShowById(db, row.show_id);
      const chapters = row.chapters ? row.chapters.chapters : [];
      const workDir = path.join(deps.tempDir, `zender-job-${jobId}`);
      await rm(workDir, { recursive: true, force: true });
      await mkdir(workDir, { recursive: true });
      try {
        let input = store.localPath(audio.key);
        if (!input) {
          input = path.join(workDir, 'in.mp3');
          await pipeline((await store.get(audio.key)).body, createWriteStream(input));
        }
        const output = path.join(workDir, 'out.mp3');
        await writeChapters(deps.tools, input, output, {
          chapters: chapters.map((c) => ({ startSeconds: c.startTime, title: c.title ?? '' })),
          durationSeconds: row.duration_seconds ?? 0,
          // The same tags processing writes, from the texts as they are now.
          tags: {
            title: row.title,
            comment: row.summary ?? null,
            ...(show ? { artist: show.author, album: show.title } : {}),
          },
        });
        const key = `episodes/${episodeId}/${jobId}/audio.mp3`;
        const put = await store.put(key, createReadStream(output), { contentType: 'audio/mpeg' });
        const fresh = await findEpisodeById(db, episodeId);
        if (!fresh?.audio || fresh.audio.key !== audio.key) {
          await store.delete(key); // replaced meanwhile (a new upload): ours belongs to nobody
          return;
        }
        const now = deps.clock.now().toISOString();
        await db.transaction().execute(async (trx) => {
          await updateEpisode(trx, episodeId, {
            audio: JSON.stringify({
              key,
              type: 'audio/mpeg',
              size: put.size,
              sha256: put.sha256,
            } satisfies StoredAudio),
            updated_at: now,
          });
          await upsertMediaFile(trx, {
            id: newId(),
            episode_id: episodeId,
            show_id: null,
            role: 'delivery',
            key,
            size: put.size,
            sha256: put.sha256,
            mime_type: 'audio/mpeg',
            duration_seconds: fresh.duration_seconds,
            created_at: now,
          });
          await deleteMediaFile(trx, audio.key);
        });
        if (audio.key !== key) await store.delete(audio.key);
        await deps.events.emit('episode.audio-changed', { episodeId });
      } finally {
        await rm(workDir, { recursive: true, force: true });
      }
    },
  };
}
