import type { Kysely } from 'kysely';
import type { AuditEventRow, Database } from '../database.js';

export async function insertAuditEvent(db: Kysely<Database>, row: AuditEventRow): Promise<void> {
  await db.insertInto('audit_events').values(row).execute();
}

export function listAuditEvents(
  db: Kysely<Database>,
  where: { showId?: string; episodeId?: string },
  limit: number,
): Promise<AuditEventRow[]> {
  let query = db.selectFrom('audit_events').selectAll();
  if (where.episodeId) query = query.where('episode_id', '=', where.episodeId);
  else if (where.showId) query = query.where('show_id', '=', where.showId);
  return query.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
