import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

export async function insertAttempts(db: Kysely<Database>, rows: { id: string; key: string; at: string }[]) {
  if (rows.length > 0) await db.insertInto('sign_in_attempts').values(rows).execute();
}

/** The failed attempts for `key` since `since`, oldest first. */
export async function attemptsSince(db: Kysely<Database>, key: string, since: string): Promise<string[]> {
  const rows = await db
    .selectFrom('sign_in_attempts')
    .select('at')
    .where('key', '=', key)
    .where('at', '>=', since)
    .orderBy('at')
    .execute();
  return rows.map((row) => row.at);
}

export async function deleteAttempts(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('sign_in_attempts').where('key', '=', key).execute();
}

export async function deleteAttemptsBefore(db: Kysely<Database>, before: string): Promise<void> {
  await db.deleteFrom('sign_in_attempts').where('at', '<', before).execute();
}
