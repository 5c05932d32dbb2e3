import type { Kysely } from 'kysely';
import type { Database, UserRow, UserSessionRow } from '../database.js';

export async function insertSession(db: Kysely<Database>, row: UserSessionRow): Promise<void> {
  await db.insertInto('user_sessions').values(row).execute();
}

/** The session and its account in one query: every page view runs it. */
export async function findSessionWithUser(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<{ session: UserSessionRow; user: UserRow } | undefined> {
  const row = await db
    .selectFrom('user_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id as s_id',
      's.token_hash as s_token_hash',
      's.user_id as s_user_id',
      's.csrf_token as s_csrf_token',
      's.created_at as s_created_at',
      's.last_seen_at as s_last_seen_at',
    ])
    .selectAll('u')
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const { s_id, s_token_hash, s_user_id, s_csrf_token, s_created_at, s_last_seen_at, ...user } = row;
  return {
    session: {
      id: s_id,
      token_hash: s_token_hash,
      user_id: s_user_id,
      csrf_token: s_csrf_token,
      created_at: s_created_at,
      last_seen_at: s_last_seen_at,
    },
    user,
  };
}

export async function touchSession(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('user_sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('user_sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('user_sessions').where('user_id', '=', userId).execute();
}

export async function deleteSessionsSeenBefore(db: Kysely<Database>, before: string): Promise<void> {
  await db.deleteFrom('user_sessions').where('last_seen_at', '<', before).execute();
}
