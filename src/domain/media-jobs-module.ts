import type { Kysely } from 'kysely';
import type { MediaTools } from '../audio/resolve-media-tools.js';
import type { Clock } from '../common/clock.js';
import type { Database } from '../db/database.js';
import type { JobHandlers } from '../jobs/worker.js';
import type { BlobStore } from '../storage/blob-store.js';
import { runTranscriber } from '../transcriber/run-transcriber.js';
import type { createChapterEmbedding } from './chapter-embedding.js';
import type { DomainEventEmitter } from './domain-events.js';
import type { createEpisodeProcessing, EpisodeProcessingDeps } from './episode-processing.js';
import { createEpisodeTranscription } from './episode-transcription.js';
import type { TranscriptsService } from './transcripts-service.js';

export interface MediaJobsDeps {
  db: Kysely<Database>;
  store: BlobStore;
  clock: Clock;
  tools: MediaTools;
  tempDir: string;
  maxDurationSeconds: number;
  defaultTargetLufs: number;
  adoptCover: EpisodeProcessingDeps['adoptCover'];
  /** `episode.processed` and `episode.audio-changed` go out here. */
  events: DomainEventEmitter;
  transcripts: TranscriptsService;
  /** TRANSCRIBER=command: the program that turns delivery audio into WebVTT or SRT. */
  transcriberCommand?: string;
}

/** What the first media job builds (type imports only: erased at run time). */
interface MediaJobs {
  chapterEmbedding: ReturnType<typeof createChapterEmbedding>;
  processing: ReturnType<typeof createEpisodeProcessing>;
}

/**
 * The jobs that run programs on audio: processing an upload and writing chapters into the
 * delivery file (ffmpeg), and transcribing it (the configured transcriber).
 * They load the ffmpeg wrapper and the tag reader (~6 MB of memory, measured), so both are
 * imported on the first job that needs them: an API-only process (EMBEDDED_WORKER=false) never
 * pays for them and a worker only once it has work. A recording that cannot be used fails its
 * job for good (episode-processing throws PermanentJobError); anything else is retried.
 */
export function createMediaJobsModule(deps: MediaJobsDeps) {
  const { db, store, clock, tools, tempDir, events } = deps;
  let loaded: Promise<MediaJobs> | undefined;
  const load = (): Promise<MediaJobs> =>
    (loaded ??= (async () => {
      const [{ createChapterEmbedding }, { createEpisodeProcessing }] = await Promise.all([
        import('./chapter-embedding.js'),
        import('./episode-processing.js'),
      ]);
      const chapterEmbedding = createChapterEmbedding({ db, store, clock, tools, tempDir, events });
      const processing = createEpisodeProcessing({
        db,
        store,
        clock,
        tools,
        tempDir,
        maxDurationSeconds: deps.maxDurationSeconds,
        defaultTargetLufs: deps.defaultTargetLufs,
        adoptCover: deps.adoptCover,
        events,
      });
      return { chapterEmbedding, processing };
    })().catch((error) => {
      loaded = undefined; // a failed import is retried by the job's next attempt
      throw error;
    }));

  const transcription = createEpisodeTranscription({
    db,
    store,
    transcripts: deps.transcripts,
    tempDir,
    transcribe: (file) => runTranscriber(file, { command: deps.transcriberCommand ?? 'false' }),
  });

  const handlers: Pick<JobHandlers, 'process-episode' | 'write-chapters' | 'transcribe'> = {
    'process-episode': async (payload, context) => (await load()).processing.process(payload, context),
    'write-chapters': async ({ episodeId }, context) =>
      (await load()).chapterEmbedding.embed(episodeId, context.jobId),
    transcribe: async ({ episodeId }, context) => transcription.run(episodeId, context.jobId),
  };
  return { handlers };
}
