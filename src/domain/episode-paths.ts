import type { Kysely } from 'kysely';
import type { Clock } from '../common/clock.js';
import type { Database, EpisodeRow } from '../db/database.js';
import { claimEpisodePath, findEpisodePath } from '../db/repositories/episode-paths-repository.js';
import { findEpisodeBySlug } from '../db/repositories/episodes-repository.js';
import { ConflictError } from './errors.js';

/**
 * A media path (`/media/{show}/{slug}.mp3`, the enclosure URL apps store and dedupe on) that
 * ever served one episode never serves another. A slug is refused while another episode of the
 * show holds it (`slug_taken`), and for good once it was the public path of another episode
 * (`slug_retired`), even after that episode was renamed, unpublished or deleted.
 */
export function createEpisodePaths(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  /** Why `slug` cannot be this episode's (or a new episode's, without `episodeId`): null when it can. */
  async function refusal(showId: string, slug: string, episodeId?: string) {
    const holder = await findEpisodeBySlug(db, showId, slug);
    if (holder && holder.id !== episodeId) return 'slug_taken' as const;
    const path = await findEpisodePath(db, showId, slug);
    if (path && path.episode_id !== episodeId) return 'slug_retired' as const;
    return null;
  }

  return {
    async assertAvailable(showId: string, slug: string, episodeId?: string): Promise<void> {
      const code = await refusal(showId, slug, episodeId);
      if (code) throw new ConflictError(code, { slug });
    },

    /** `wanted`, or `wanted-2`, `wanted-3` …: the first slug neither taken nor retired. */
    async freeSlug(showId: string, wanted: string): Promise<string> {
      let candidate = wanted;
      for (let n = 2; await refusal(showId, candidate); n++) candidate = `${wanted}-${n}`;
      return candidate;
    },

    /**
     * Records the episode's current slug as its public path (on publish, schedule, or a rename
     * while public). Refuses when another episode got there first: data from before paths were
     * recorded, or a race between two renames.
     */
    async claim(episode: Pick<EpisodeRow, 'id' | 'show_id' | 'slug'>): Promise<void> {
      const owner = await claimEpisodePath(db, {
        show_id: episode.show_id,
        slug: episode.slug,
        episode_id: episode.id,
        created_at: clock.now().toISOString(),
      });
      if (owner !== episode.id) throw new ConflictError('slug_retired', { slug: episode.slug });
    },
  };
}

export type EpisodePaths = ReturnType<typeof createEpisodePaths>;
