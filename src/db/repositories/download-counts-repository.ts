import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

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
