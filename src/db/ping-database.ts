import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/** The health check's database probe: one cheap read that fails when the database is away. */
export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await db.selectFrom('api_tokens').select('id').limit(1).execute();
}
