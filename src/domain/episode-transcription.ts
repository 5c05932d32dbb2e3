import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { findEpisodeById } from '../db/repositories/episodes-repository.js';
import { findShowById } from '../db/repositories/shows-repository.js';
import type { BlobStore } from '../storage/blob-store.js';
import type { TranscriptsService } from './transcripts-service.js';

/**
 * The transcribe job (TRANSCRIBER=command): runs the configured program on the delivery audio
 * and keeps its WebVTT/SRT as a draft in the show's language, replacing the placeholder; staff
 * confirm it before it is public. A transcript staff uploaded is never overwritten.
 */
export function createEpisodeTranscription(deps: {
  db: Kysely<Database>;
  store: BlobStore;
  transcripts: TranscriptsService;
  tempDir: string;
  transcribe: (file: string) => Promise<string>;
}) {
  return {
    async run(episodeId: string, jobId: string): Promise<void> {
      const episode = await findEpisodeById(deps.db, episodeId);
      if (!episode?.audio) return;
      const show = await findShowById(deps.db, episode.show_id);
      if (!show) return;
      const audio = episode.audio;
      const workDir = path.join(deps.tempDir, `zender-job-${jobId}`);
      await rm(workDir, { recursive: true, force: true });
      await mkdir(workDir, { recursive: true });
      try {
        let file = deps.store.localPath(audio.key);
        if (!file) {
          file = path.join(workDir, 'audio.mp3');
          await pipeline((await deps.store.get(audio.key)).body, createWriteStream(file));
        }
        const output = await deps.transcribe(file);
        await deps.transcripts.saveDraft(episodeId, show.language, output);
      } finally {
        await rm(workDir, { recursive: true, force: true });
      }
    },
  };
}
