import type { Kysely } from 'kysely';
import type { Clock } from '../common/clock.js';
import { newId } from '../common/ids.js';
import type { Database } from '../db/database.js';
import { findImportById, insertImport } from '../db/repositories/imports-repository.js';
import { NotFoundError, UnprocessableError } from '../domain/errors.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { checkPublicUrl } from '../net/public-url.js';
import type { ImportProblem } from './feed-import.js';

/** The public JSON shape of an import (the Import schema of /openapi.json). */
export interface FeedImportView {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  feedUrl: string;
  showId: string | null;
  jobId: string | null;
  processAudio: boolean;
  episodes: { total: number; done: number; failed: number };
  problems: ImportProblem[];
  createdAt: string;
  updatedAt: string;
}

/** Starts feed imports (a job each) and reports their progress. */
export function createImportsService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  queue: JobQueue;
  allowPrivateUrls: boolean;
}) {
  const { db, clock, queue } = deps;
  return {
    async start(input: { feedUrl: string; processAudio?: boolean }) {
      const url = new URL(input.feedUrl);
      // Names are checked again after DNS, when the job connects (guarded fetch).
      const check = checkPublicUrl(url, { allowPrivate: deps.allowPrivateUrls });
      if (!check.ok)
        throw new UnprocessableError(
          'url_not_public',
          { field: 'feedUrl', reason: check.reason, host: check.host },
          [
            {
              field: 'feedUrl',
              code: 'url_not_public',
              message: `${check.host}: ${check.reason.replace(/_/g, ' ')}`,
            },
          ],
        );
      const id = newId();
      const now = clock.now().toISOString();
      const jobId = await db.transaction().execute(async (trx) => {
        const job = await queue.enqueue('import-feed', { importId: id }, { maxAttempts: 2, within: trx });
        await insertImport(trx, {
          id,
          feed_url: url.toString(),
          show_id: null,
          job_id: job,
          process_audio: input.processAudio ? 1 : 0,
          status: 'queued',
          total: 0,
          done: 0,
          failed: 0,
          problems: '[]',
          created_at: now,
          updated_at: now,
        });
        return job;
      });
      queue.announce();
      return { id, jobId, showId: null as string | null };
    },

    async get(id: string): Promise<FeedImportView> {
      const row = await findImportById(db, id);
      if (!row) throw new NotFoundError('import', id);
      return {
        id: row.id,
        status: row.status,
        feedUrl: row.feed_url,
        showId: row.show_id,
        jobId: row.job_id,
        processAudio: row.process_audio === 1,
        episodes: { total: row.total, done: row.done, failed: row.failed },
        problems: JSON.parse(row.problems) as ImportProblem[],
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      };
    },
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
