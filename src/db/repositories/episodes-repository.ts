import type { Kysely } from 'kysely';
import { decodeEpisode, type EpisodeRecord } from '../codecs/episode-codec.js';
import type { Database, EpisodeUpdate, NewEpisodeRow } from '../database.js';
import type { PageCursor } from './page-cursor.js';

export async function insertEpisode(db: Kysely<Database>, row: NewEpisodeRow): Promise<void> {
  await db.insertInto('episodes').values(row).execute();
}

export async function findEpisodeById(db: Kysely<Database>, id: string): Promise<EpisodeRecord | undefined> {
  const row = await db.selectFrom('episodes').selectAll().where('id', '=', id).executeTakeFirst();
  return row && decodeEpisode(row);
}

export async function findEpisodeBySlug(
  db: Kysely<Database>,
  showId: string,
  slug: string,
): Promise<EpisodeRecord | undefined> {
  const row = await db
    .selectFrom('episodes')
    .selectAll()
    .where('show_id', '=', showId)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row && decodeEpisode(row);
}

/** The episode whose frozen enclosure path is this one (stable public media URLs). */
export async function findEpisodeByEnclosurePath(
  db: Kysely<Database>,
  enclosurePath: string,
): Promise<EpisodeRecord | undefined> {
  const row = await db
    .selectFrom('episodes')
    .selectAll()
    .where('enclosure_path', '=', enclosurePath)
    .executeTakeFirst();
  return row && decodeEpisode(row);
}

export async function listEpisodes(
  db: Kysely<Database>,
  showId: string,
  limit: number,
  after?: PageCursor,
): Promise<EpisodeRecord[]> {
  let query = db
    .selectFrom('episodes')
    .selectAll()
    .where('show_id', '=', showId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit);
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', after.createdAt),
        eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)]),
      ]),
    );
  }
  return (await query.execute()).map(decodeEpisode);
}

/** Published episodes of a show, newest first: what a feed or public page shows. */
export async function listPublishedEpisodes(db: Kysely<Database>, showId: string): Promise<EpisodeRecord[]> {
  const rows = await db
    .selectFrom('episodes')
    .selectAll()
    .where('show_id', '=', showId)
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .execute();
  return rows.map(decodeEpisode);
}

export async function updateEpisode(db: Kysely<Database>, id: string, patch: EpisodeUpdate): Promise<void> {
  await db.updateTable('episodes').set(patch).where('id', '=', id).execute();
}

export async function deleteEpisode(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('episodes').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function listEpisodeIdsOfShow(db: Kysely<Database>, showId: string): Promise<string[]> {
  const rows = await db.selectFrom('episodes').select('id').where('show_id', '=', showId).execute();
  return rows.map((row) => row.id);
}

/** The show's episodes that have a delivery file (whose ID3 tag names the show). */
export async function listEpisodeIdsWithAudio(db: Kysely<Database>, showId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('episodes')
    .select('id')
    .where('show_id', '=', showId)
    .where('audio', 'is not', null)
    .execute();
  return rows.map((row) => row.id);
}
