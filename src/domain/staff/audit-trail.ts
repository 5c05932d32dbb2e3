import type { Kysely } from 'kysely';
import type { Clock } from '../../common/clock.js';
import { newId } from '../../common/ids.js';
import type { Database } from '../../db/database.js';
import { insertAuditEvent, listAuditEvents } from '../../db/repositories/audit-events-repository.js';

export const auditActions = [
  'show.created',
  'show.edited',
  'show.artwork',
  'show.deleted',
  'episode.created',
  'episode.edited',
  'episode.uploaded',
  'episode.published',
  'episode.scheduled',
  'episode.unpublished',
  'episode.deleted',
  'episode.transcript',
  'episode.chapters',
  'draft.edited',
  'draft.approved',
  'draft.rejected',
  'job.retried',
  'webhook.created',
  'webhook.deleted',
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface Actor {
  kind: 'user' | 'token';
  id: string;
  name: string;
}

export interface AuditEvent {
  id: string;
  at: string;
  actor: Actor;
  action: AuditAction;
  showId: string | null;
  episodeId: string | null;
  /** What was acted on, in words (the title at the time). */
  subject: string;
}

/** Who did what to which show or episode, and when. Append-only. */
export function createAuditTrail(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;
  return {
    async record(
      actor: Actor,
      action: AuditAction,
      target: { showId?: string | null; episodeId?: string | null; subject: string },
    ): Promise<void> {
      await insertAuditEvent(db, {
        id: newId(),
        at: clock.now().toISOString(),
        actor_kind: actor.kind,
        actor_id: actor.id,
        actor_name: actor.name,
        action,
        show_id: target.showId ?? null,
        episode_id: target.episodeId ?? null,
        subject: target.subject.slice(0, 300),
      });
    },

    async list(where: { showId?: string; episodeId?: string }, limit = 50): Promise<AuditEvent[]> {
      return (await listAuditEvents(db, where, limit)).map((row) => ({
        id: row.id,
        at: row.at,
        actor: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
        action: row.action as AuditAction,
        showId: row.show_id,
        episodeId: row.episode_id,
        subject: row.subject,
      }));
    },
  };
}

export type AuditTrail = ReturnType<typeof createAuditTrail>;
