import type { Kysely } from 'kysely';
import type { Database, MediaFileRow } from '../database.js';

/** Records (or replaces) what was stored under a key: size, sha256, type, duration. */
export async function upsertMediaFile(db: Kysely<Database>, row: MediaFileRow): Promise<void> {
  await db.deleteFrom('media_files').where('key', '=', row.key).execute();
  await db.insertInto('media_files').values(row).execute();
}

export async function listMediaFilesOfEpisode(
  db: Kysely<Database>,
  episodeId: string,
): Promise<MediaFileRow[]> {
  return db
    .selectFrom('media_files')
    .selectAll()
    .where('episode_id', '=', episodeId)
    .orderBy('role')
    .execute();
}

export async function findMediaFile(db: Kysely<Database>, key: string): Promise<MediaFileRow | undefined> {
  return db.selectFrom('media_files').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function deleteMediaFile(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('media_files').where('key', '=', key).execute();
}

export async function deleteMediaFilesOfShow(db: Kysely<Database>, showId: string): Promise<void> {
  await db.deleteFrom('media_files').where('show_id', '=', showId).execute();
}

export async function deleteMediaFilesOfEpisode(db: Kysely<Database>, episodeId: string): Promise<void> {
  await db.deleteFrom('media_files').where('episode_id', '=', episodeId).execute();
}
