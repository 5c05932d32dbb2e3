import type { Kysely } from 'kysely';
import { decodeShow, type ShowRecord } from '../codecs/show-codec.js';
import type { Database, NewShowRow, ShowUpdate } from '../database.js';
import type { PageCursor } from './page-cursor.js';

export async function insertShow(db: Kysely<Database>, row: NewShowRow): Promise<void> {
  await db.insertInto('shows').values(row).execute();
}

export async function findShowById(db: Kysely<Database>, id: string): Promise<ShowRecord | undefined> {
  const row = await db.selectFrom('shows').selectAll().where('id', '=', id).executeTakeFirst();
  return row && decodeShow(row);
}

export async function findShowBySlug(db: Kysely<Database>, slug: string): Promise<ShowRecord | undefined> {
  const row = await db.selectFrom('shows').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row && decodeShow(row);
}

/** Newest first, `limit` rows after the cursor. */
export async function listShows(
  db: Kysely<Database>,
  limit: number,
  after?: PageCursor,
): Promise<ShowRecord[]> {
  let query = db
    .selectFrom('shows')
    .selectAll()
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
  return (await query.execute()).map(decodeShow);
}

export async function updateShow(db: Kysely<Database>, id: string, patch: ShowUpdate): Promise<void> {
  await db.updateTable('shows').set(patch).where('id', '=', id).execute();
}

export async function deleteShow(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('shows').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The show that used `slug` before a rename (show_slug_history), for 301s from old feed URLs. */
export async function findShowBySlugHistory(
  db: Kysely<Database>,
  slug: string,
): Promise<ShowRecord | undefined> {
  const row = await db
    .selectFrom('show_slug_history')
    .innerJoin('shows', 'shows.id', 'show_slug_history.show_id')
    .selectAll('shows')
    .where('show_slug_history.slug', '=', slug)
    .executeTakeFirst();
  return row && decodeShow(row);
}

/** Remembers that the show left `slug`; the show that left a slug last owns its redirect. */
export async function retireShowSlug(db: Kysely<Database>, showId: string, slug: string, at: string) {
  await db
    .insertInto('show_slug_history')
    .values({ slug, show_id: showId, retired_at: at })
    .onConflict((oc) => oc.column('slug').doUpdateSet({ show_id: showId, retired_at: at }))
    .execute();
}
