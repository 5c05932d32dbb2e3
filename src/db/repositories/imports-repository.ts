import type { Kysely, Updateable } from 'kysely';
import type { Database, EpisodeRow, ImportRow, ImportsTable } from '../database.js';

export async function insertImport(db: Kysely<Database>, row: ImportRow): Promise<void> {
  await db.insertInto('imports').values(row).execute();
}

export async function findImportById(db: Kysely<Database>, id: string): Promise<ImportRow | undefined> {
  return db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateImport(
  db: Kysely<Database>,
  id: string,
  patch: Updateable<ImportsTable>,
): Promise<void> {
  await db.updateTable('imports').set(patch).where('id', '=', id).execute();
}

/** The show an earlier import of the same feed made: running it again updates that show. */
export async function findShowIdImportedFrom(db: Kysely<Database>, feedUrl: string): Promise<string | null> {
  const row = await db
    .selectFrom('imports')
    .innerJoin('shows', 'shows.id', 'imports.show_id')
    .select('imports.show_id')
    .where('imports.feed_url', '=', feedUrl)
    .orderBy('imports.created_at', 'desc')
    .executeTakeFirst();
  return row?.show_id ?? null;
}

export async function findEpisodeByGuid(
  db: Kysely<Database>,
  showId: string,
  guid: string,
): Promise<EpisodeRow | undefined> {
  return db
    .selectFrom('episodes')
    .selectAll()
    .where('show_id', '=', showId)
    .where('guid', '=', guid)
    .executeTakeFirst();
}
