import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

export async function insertInvitation(
  db: Kysely<Database>,
  row: { id: string; token_hash: string; user_id: string; expires_at: string; created_at: string },
): Promise<void> {
  await db
    .insertInto('user_invitations')
    .values({ ...row, used_at: null })
    .execute();
}

export function findOpenInvitation(db: Kysely<Database>, tokenHash: string, now: string) {
  return db
    .selectFrom('user_invitations')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Marks one invitation used; false when another request used it first. */
export async function useInvitation(db: Kysely<Database>, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('user_invitations')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A new link replaces every older open one of the account. */
export async function closeInvitationsOfUser(db: Kysely<Database>, userId: string, at: string) {
  await db
    .updateTable('user_invitations')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}
