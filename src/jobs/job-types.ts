/**
 * Every kind of background work, with its payload. The worker's handler table is typed as
 * `{ [K in JobKind]: JobHandler<K> }`, so adding a kind without a handler does not compile.
 */
export interface JobPayloads {
  'process-episode': { episodeId: string; sourceKey: string; filename?: string };
  'rebuild-feed': { showId: string };
  'publish-scheduled': { episodeId: string };
  'cleanup-uploads': Record<string, never>;
  'generate-social-drafts': { episodeId: string };
  'deliver-webhook': { deliveryId: string };
  'write-chapters': { episodeId: string };
  transcribe: { episodeId: string };
  'fold-downloads': Record<string, never>;
  'import-feed': { importId: string };
  'ping-websub-hub': { feedUrl: string };
  /** A show's title or author changed: every episode's delivered MP3 gets its tag rewritten. */
  'retag-show': { showId: string };
}

export type JobKind = keyof JobPayloads;

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobError {
  attempt: number;
  at: string;
  message: string;
}

/** The public JSON shape of a job (the Job schema of /openapi.json). */
export interface Job {
  id: string;
  kind: JobKind;
  status: JobStatus;
  progress: number;
  step: string | null;
  error: string | null;
  errors: JobError[];
  attempts: number;
  maxAttempts: number;
  runAt: string;
  createdAt: string;
  updatedAt: string;
}
