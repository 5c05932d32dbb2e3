import type { Kysely } from 'kysely';
import { decodeShow, type ShowRecord } from '../codecs/show-codec.js';
import type { Database } from '../database.js';

/** Shows with at least one published episode, the most recently published first. */
export async function listPublicShows(db: Kysely<Database>): Promise<ShowRecord[]> {
  const rows = await db
    .selectFrom('shows')
    .selectAll('shows')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('episodes')
          .select(['show_id', (e) => e.fn.max('published_at').as('latest')])
          .where('status', '=', 'published')
          .groupBy('show_id')
          .as('published'),
      (join) => join.onRef('published.show_id', '=', 'shows.id'),
    )
    .orderBy('published.latest', 'desc')
    .orderBy('shows.title')
    .execute();
  return rows.map(decodeShow);
}

/** Every public page's address parts and last change, for the sitemap. */
export async function listPublishedPages(
  db: Kysely<Database>,
): Promise<{ show_slug: string; episode_slug: string; updated_at: string; show_updated_at: string }[]> {
  return db
    .selectFrom('episodes')
    .innerJoin('shows', 'shows.id', 'episodes.show_id')
    .select([
      'shows.slug as show_slug',
      'episodes.slug as episode_slug',
      'episodes.updated_at',
      'shows.updated_at as show_updated_at',
    ])
    .where('episodes.status', '=', 'published')
    .orderBy('shows.slug')
    .orderBy('episodes.published_at', 'desc')
    .execute();
}
