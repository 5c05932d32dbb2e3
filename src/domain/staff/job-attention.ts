import type { Kysely } from 'kysely';
import type { Clock } from '../../common/clock.js';
import type { Database } from '../../db/database.js';
import { findEpisodeById, updateEpisode } from '../../db/repositories/episodes-repository.js';
import {
  listJobsNeedingAttention,
  requeueFailedJob,
} from '../../db/repositories/staff-overview-repository.js';
import { toJob } from '../../jobs/job-queue.js';
import type { Job } from '../../jobs/job-types.js';
import { ConflictError } from '../errors.js';

export interface AttentionJob {
  job: Job;
  showId: string | null;
  episodeId: string | null;
  /** The episode's title or the show's, to tell staff what the job was about. */
  subject: string | null;
}

/**
 * Running and failed jobs for the overview, each tied to its show and episode so a show-limited
 * account sees only its own; and "try again" for a failed one.
 */
export function createJobAttention(deps: { db: Kysely<Database>; clock: Clock; poke?: () => void }) {
  const { db, clock } = deps;

  async function locate(job: Job, payload: Record<string, unknown>): Promise<AttentionJob> {
    const episodeId = typeof payload.episodeId === 'string' ? payload.episodeId : null;
    if (episodeId) {
      const episode = await findEpisodeById(db, episodeId);
      return { job, episodeId, showId: episode?.show_id ?? null, subject: episode?.title ?? null };
    }
    const showId = typeof payload.showId === 'string' ? payload.showId : null;
    return { job, episodeId: null, showId, subject: null };
  }

  return {
    async list(visibleShow: (showId: string) => boolean, limit = 20): Promise<AttentionJob[]> {
      const rows = await listJobsNeedingAttention(db, limit * 3);
      const located = await Promise.all(rows.map((row) => locate(toJob(row), JSON.parse(row.payload))));
      return located.filter((item) => item.showId && visibleShow(item.showId)).slice(0, limit);
    },

    /** Queues the job again; a processing job also puts its episode back to "processing". */
    async retry(jobId: string, visibleShow: (showId: string) => boolean): Promise<AttentionJob> {
      const found = (await listJobsNeedingAttention(db, 500)).find((row) => row.id === jobId);
      if (found?.status !== 'failed') throw new ConflictError('conflict', { reason: 'job is not failed' });
      const item = await locate(toJob(found), JSON.parse(found.payload));
      if (!item.showId || !visibleShow(item.showId))
        throw new ConflictError('conflict', { reason: 'job is not failed' });
      const at = clock.now().toISOString();
      if (!(await requeueFailedJob(db, jobId, at)))
        throw new ConflictError('conflict', { reason: 'job is not failed' });
      if (found.kind === 'process-episode' && item.episodeId) {
        const episode = await findEpisodeById(db, item.episodeId);
        if (episode?.job_id === jobId && episode.status === 'failed')
          await updateEpisode(db, item.episodeId, {
            status: 'processing',
            failure_reason: null,
            updated_at: at,
          });
      }
      deps.poke?.();
      return item;
    },
  };
}

export type JobAttention = ReturnType<typeof createJobAttention>;
