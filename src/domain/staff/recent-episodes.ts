import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { listRecentEpisodes } from '../../db/repositories/staff-overview-repository.js';
import type { Episode } from '../episode.js';
import type { EpisodesService } from '../episodes-service.js';

/** The most recently changed episodes of the shows an account may see (null: all shows). */
export function createRecentEpisodes(deps: { db: Kysely<Database>; episodes: EpisodesService }) {
  return async function recentEpisodes(showIds: string[] | null, limit: number): Promise<Episode[]> {
    const rows = await listRecentEpisodes(deps.db, showIds, limit);
    return Promise.all(rows.map((row) => deps.episodes.get(row.id)));
  };
}
