import type { Insertable, Kysely } from 'kysely';
import type { ApiTokenRow, ApiTokensTable, Database } from '../database.js';

export async function insertToken(db: Kysely<Database>, row: Insertable<ApiTokensTable>): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

export async function findActiveTokenByHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<ApiTokenRow | undefined> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

/** By hash whatever its state: a revoked token must stay revoked, not be stored again. */
export async function findTokenByHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Revokes every active token ADMIN_TOKEN created; returns how many. */
export async function revokeBootstrapTokens(db: Kysely<Database>, at: string): Promise<number> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('bootstrap', '=', 1)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function listTokens(db: Kysely<Database>): Promise<ApiTokenRow[]> {
  return db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
}

export async function countTokens(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('api_tokens')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function revokeToken(db: Kysely<Database>, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function touchToken(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}
