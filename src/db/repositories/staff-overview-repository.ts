import type { Kysely } from 'kysely';
import type { Database, EpisodeRow, JobRow } from '../database.js';

/** Jobs staff should see: running now, or failed for good (most recent first). */
export function listJobsNeedingAttention(db: Kysely<Database>, limit: number): Promise<JobRow[]> {
  return db
    .selectFrom('jobs')
    .selectAll()
    .where((eb) => eb.or([eb('status', '=', 'running'), eb('status', '=', 'failed')]))
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
}

/** Puts a failed job back in the queue with fresh attempts; false unless it was failed. */
export async function requeueFailedJob(db: Kysely<Database>, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ status: 'queued', attempts: 0, run_at: at, lease_until: null, locked_by: null, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The most recently changed episodes, of some shows or all. */
export function listRecentEpisodes(
  db: Kysely<Database>,
  showIds: string[] | null,
  limit: number,
): Promise<EpisodeRow[]> {
  let query = db.selectFrom('episodes').selectAll();
  if (showIds) query = query.where('show_id', 'in', showIds.length > 0 ? showIds : ['']);
  return query.orderBy('updated_at', 'desc').orderBy('id').limit(limit).execute();
}

/** The episode a processing job works for (an upload's answer names only the job). */
export function findEpisodeByJobId(db: Kysely<Database>, jobId: string): Promise<EpisodeRow | undefined> {
  return db.selectFrom('episodes').selectAll().where('job_id', '=', jobId).executeTakeFirst();
}
