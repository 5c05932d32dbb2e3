import type { Kysely } from 'kysely';
import type { MediaTools } from './audio/resolve-media-tools.js';
import type { Database } from './db/database.js';
import type { createChapterEmbedding } from './domain/chapter-embedding.js';
import type {
  createEpisodeProcessing,
  EpisodeProcessingDeps,
  RecordingRejectedError,
} from './domain/episode-processing.js';
import { type JobHandler, PermanentJobError } from './jobs/worker.js';
import type { Clock } from './shared/clock.js';
import type { BlobStore } from './storage/blob-store.js';

export interface MediaJobsDeps {
  db: Kysely<Database>;
  store: BlobStore;
  clock: Clock;
  tools: MediaTools;
  tempDir: string;
  maxDurationSeconds: number;
  defaultTargetLufs: number;
  adoptCover: EpisodeProcessingDeps['adoptCover'];
  onProcessed: EpisodeProcessingDeps['onProcessed'];
  /** After chapters were written into a delivery file. */
  onAudioChanged: (episodeId: string) => Promise<void>;
}

/** What the first media job builds (type imports only: erased at run time). */
interface MediaJobs {
  chapterEmbedding: ReturnType<typeof createChapterEmbedding>;
  processing: ReturnType<typeof createEpisodeProcessing>;
  RecordingRejectedError: typeof RecordingRejectedError;
}

/**
 * The jobs that run ffmpeg: processing an upload and writing chapters into the delivery file.
 * They load the ffmpeg wrapper and the tag reader (~6 MB of memory, measured), so both are
 * imported on the first job that needs them: an API-only process (EMBEDDED_WORKER=false) never
 * pays for them and a worker only once it has work. Wired by container.ts, like social-module.ts.
 */
export function createMediaJobsModule(deps: MediaJobsDeps) {
  const { db, store, clock, tools, tempDir } = deps;
  let loaded: Promise<MediaJobs> | undefined;
  const load = (): Promise<MediaJobs> =>
    (loaded ??= (async () => {
      const [{ createChapterEmbedding }, { createEpisodeProcessing, RecordingRejectedError }] =
        await Promise.all([
          import('./domain/chapter-embedding.js'),
          import('./domain/episode-processing.js'),
        ]);
      const chapterEmbedding = createChapterEmbedding({
        db,
        store,
        clock,
        tools,
        tempDir,
        onAudioChanged: deps.onAudioChanged,
      });
      const processing = createEpisodeProcessing({
        db,
        store,
        clock,
        tools,
        tempDir,
        maxDurationSeconds: deps.maxDurationSeconds,
        defaultTargetLufs: deps.defaultTargetLufs,
        adoptCover: deps.adoptCover,
        onProcessed: deps.onProcessed,
      });
      return { chapterEmbedding, processing, RecordingRejectedError };
    })().catch((error) => {
      loaded = undefined; // a failed import is retried by the job's next attempt
      throw error;
    }));

  const processEpisode: JobHandler<'process-episode'> = async (payload, context) => {
    const { processing, RecordingRejectedError } = await load();
    try {
      await processing.process(payload, context);
    } catch (error) {
      // A recording that cannot be used will not get better on a retry.
      if (error instanceof RecordingRejectedError) throw new PermanentJobError(error.reason);
      throw error;
    }
  };
  const writeChapters: JobHandler<'write-chapters'> = async ({ episodeId }, context) =>
    (await load()).chapterEmbedding.embed(episodeId, context.jobId);

  return { handlers: { 'process-episode': processEpisode, 'write-chapters': writeChapters } };
}
