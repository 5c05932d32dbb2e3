import type { Kysely } from 'kysely';
import type { Database, DownloadCountsTable } from '../database.js';

export type CountScope = { showId: string } | { episodeId: string };
export type CountColumn = 'day' | 'episode_id' | 'app' | 'device';

function scoped(db: Kysely<Database>, scope: CountScope, from: string, to: string) {
  const query = db.selectFrom('download_counts').where('day', '>=', from).where('day', '<=', to);
  return 'showId' in scope
    ? query.where('show_id', '=', scope.showId)
    : query.where('episode_id', '=', scope.episodeId);
}

/** Downloads in [from, to] (days, inclusive) summed per value of one column. */
export async function sumDownloadsBy(
  db: Kysely<Database>,
  scope: CountScope,
  from: string,
  to: string,
  column: CountColumn,
): Promise<{ key: string; downloads: number }[]> {
  const rows = await scoped(db, scope, from, to)
    .select((eb) => [eb.ref(column).as('key'), eb.fn.sum<number>('downloads').as('downloads')])
    .groupBy(column)
    .execute();
  return rows.map((row) => ({ key: String(row.key), downloads: Number(row.downloads) }));
}

/** Downloads per episode and day (for first-days figures and curves). */
export async function downloadsPerEpisodeDay(
  db: Kysely<Database>,
  scope: CountScope,
  from: string,
  to: string,
): Promise<{ episodeId: string; day: string; downloads: number }[]> {
  const rows = await scoped(db, scope, from, to)
    .select((eb) => ['episode_id', 'day', eb.fn.sum<number>('downloads').as('downloads')])
    .groupBy(['episode_id', 'day'])
    .execute();
  return rows.map((row) => ({ episodeId: row.episode_id, day: row.day, downloads: Number(row.downloads) }));
}

/** The show's episodes with a publication date (the start of their first-days figures). */
export async function publishedEpisodesOfShow(db: Kysely<Database>, showId: string) {
  return db
    .selectFrom('episodes')
    .select(['id', 'title', 'published_at'])
    .where('show_id', '=', showId)
    .where('published_at', 'is not', null)
    .execute();
}

export async function episodeTitles(db: Kysely<Database>, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('episodes').select(['id', 'title']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.title]));
}

/** The first and last day a show has counts for (null: none yet). */
export async function countedDaysOfShow(
  db: Kysely<Database>,
  showId: string,
): Promise<{ first: string; last: string } | null> {
  const row = await db
    .selectFrom('download_counts')
    .select((eb) => [eb.fn.min('day').as('first'), eb.fn.max('day').as('last')])
    .where('show_id', '=', showId)
    .executeTakeFirst();
  return row?.first && row.last ? { first: String(row.first), last: String(row.last) } : null;
}

/**
 * A show's counts on the days in [from, until) with each episode's guid and slug (null for an
 * episode deleted since), in a stable order: the export reads a long history a window at a time.
 */
export async function showCountsBetween(db: Kysely<Database>, showId: string, from: string, until: string) {
  return db
    .selectFrom('download_counts as c')
    .leftJoin('episodes as e', 'e.id', 'c.episode_id')
    .select(['c.day', 'c.episode_id', 'e.guid', 'e.slug', 'c.app', 'c.device', 'c.downloads'])
    .where('c.show_id', '=', showId)
    .where('c.day', '>=', from)
    .where('c.day', '<', until)
    .orderBy('c.day')
    .orderBy('c.episode_id')
    .orderBy('c.app')
    .orderBy('c.device')
    .execute();
}

/** Counts brought back by a restore; a day already counted for that episode, app and device stays as it is. */
export async function insertCountsKeepingExisting(
  db: Kysely<Database>,
  rows: readonly DownloadCountsTable[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('download_counts')
    .values([...rows])
    .onConflict((oc) => oc.columns(['day', 'episode_id', 'app', 'device']).doNothing())
    .execute();
}
