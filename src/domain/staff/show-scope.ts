import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { findEpisodeById } from '../../db/repositories/episodes-repository.js';
import { findSocialDraft } from '../../db/repositories/social-drafts-repository.js';
import { findWebhook } from '../../db/repositories/webhooks-repository.js';

export type ScopedEntity = 'show' | 'episode' | 'draft' | 'webhook' | 'job';

/**
 * The show a record belongs to, so a token or account limited to some shows can be checked
 * against any record it names. Null when the record does not exist (the route answers 404).
 */
export function createShowScope(deps: { db: Kysely<Database> }) {
  const { db } = deps;
  const ofEpisode = async (id: string) => (await findEpisodeById(db, id))?.show_id ?? null;
  return async function showOf(entity: ScopedEntity, id: string): Promise<string | null> {
    switch (entity) {
      case 'show':
        return id;
      case 'episode':
        return ofEpisode(id);
      case 'draft': {
        const draft = await findSocialDraft(db, id);
        return draft ? ofEpisode(draft.episode_id) : null;
      }
      case 'webhook':
        return (await findWebhook(db, id))?.show_id ?? null;
      case 'job': {
        const row = await db.selectFrom('jobs').select('payload').where('id', '=', id).executeTakeFirst();
        const payload = row ? (JSON.parse(row.payload) as { episodeId?: unknown; showId?: unknown }) : {};
        if (typeof payload.showId === 'string') return payload.showId;
        return typeof payload.episodeId === 'string' ? ofEpisode(payload.episodeId) : null;
      }
    }
  };
}

export type ShowOf = ReturnType<typeof createShowScope>;
