import type { Kysely } from 'kysely';
import type { Database, MediaFileRow } from '../database.js';

/** Every stored key the database points to, and why: what keeps a blob alive. */
export interface StorageReference {
  key: string;
  /** e.g. `episode 123 audio`: shown in a finding about a missing blob. */
  by: string;
  /**
   * False for a processing job's source: it keeps the bytes alive while they exist, but a job
   * that rejected its recording deleted them on purpose, so their absence is no finding.
   */
  required: boolean;
}

function artworkKeys(json: string | null): string[] {
  if (!json) return [];
  const keys = (JSON.parse(json) as { keys?: Record<string, string> }).keys ?? {};
  return Object.values(keys);
}

/** The media references of the organisation, every show, episode, social draft and processing job. */
export async function listStorageReferences(db: Kysely<Database>): Promise<StorageReference[]> {
  const references: StorageReference[] = [];
  const add = (key: string | undefined | null, by: string, required = true) => {
    if (key) references.push({ key, by, required });
  };
  for (const show of await db.selectFrom('shows').select(['id', 'artwork']).execute()) {
    for (const key of artworkKeys(show.artwork)) add(key, `show ${show.id} artwork`);
  }
  for (const organisation of await db.selectFrom('organisation').select(['id', 'logo']).execute()) {
    if (organisation.logo) add((JSON.parse(organisation.logo) as { key?: string }).key, 'organisation logo');
  }
  const episodes = await db
    .selectFrom('episodes')
    .select(['id', 'audio', 'artwork', 'extra', 'job_id'])
    .execute();
  for (const episode of episodes) {
    if (episode.audio)
      add((JSON.parse(episode.audio) as { key?: string }).key, `episode ${episode.id} audio`);
    for (const key of artworkKeys(episode.artwork)) add(key, `episode ${episode.id} artwork`);
    const extra = JSON.parse(episode.extra) as { peaksKey?: string; original?: { key?: string } };
    add(extra.peaksKey, `episode ${episode.id} peaks`);
    add(extra.original?.key, `episode ${episode.id} original`);
  }
  // An upload waiting for (or failed in) processing: its episode's job still names it.
  const jobs = await db
    .selectFrom('jobs')
    .select(['id', 'payload', 'status'])
    .where('kind', '=', 'process-episode')
    .where((eb) =>
      eb.or([
        eb('status', 'in', ['queued', 'running']),
        eb('id', 'in', eb.selectFrom('episodes').select('job_id').where('job_id', 'is not', null)),
      ]),
    )
    .execute();
  for (const job of jobs)
    add((JSON.parse(job.payload) as { sourceKey?: string }).sourceKey, `job ${job.id}`, false);
  const drafts = await db
    .selectFrom('social_drafts')
    .select(['id', 'image'])
    .where('image', 'is not', null)
    .execute();
  for (const draft of drafts)
    add((JSON.parse(draft.image!) as { key?: string }).key, `social draft ${draft.id}`);
  // The newest share image of an episode is found through its media_files row, not a column.
  const shareImages = await db
    .selectFrom('media_files')
    .innerJoin('episodes', 'episodes.id', 'media_files.episode_id')
    .select(['media_files.key', 'media_files.episode_id'])
    .where('media_files.role', '=', 'share-image')
    .execute();
  for (const image of shareImages) add(image.key, `episode ${image.episode_id} share image`);
  return references;
}

export async function listAllMediaFiles(db: Kysely<Database>): Promise<MediaFileRow[]> {
  return db.selectFrom('media_files').selectAll().orderBy('key').execute();
}
