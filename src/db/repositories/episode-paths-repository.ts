import type { Kysely } from 'kysely';
import type { Database, EpisodePathRow } from '../database.js';

/** The episode a show's media path (its episode slug) belongs to, if it ever served one. */
export async function findEpisodePath(
  db: Kysely<Database>,
  showId: string,
  slug: string,
): Promise<EpisodePathRow | undefined> {
  return db
    .selectFrom('episode_paths')
    .selectAll()
    .where('show_id', '=', showId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

/**
 * Gives a path to an episode unless it is already someone's (insert or nothing, atomic in both
 * dialects); returns the episode that owns it afterwards.
 */
export async function claimEpisodePath(db: Kysely<Database>, row: EpisodePathRow): Promise<string> {
  await db
    .insertInto('episode_paths')
    .values(row)
    .onConflict((oc) => oc.columns(['show_id', 'slug']).doNothing())
    .execute();
  const owner = await findEpisodePath(db, row.show_id, row.slug);
  return owner?.episode_id ?? row.episode_id;
}
