import { type Kysely, Migrator } from 'kysely';
import { migrations } from './migrations/index.js';

/** Runs every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>, options: { schema?: string } = {}): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Each feature adds its migrations in its own number range, and features land in any order:
    // a database that already ran 0050 must still run a later-merged 0020. Each migration touches
    // only its own tables, so running the pending ones in name order after the others is safe.
    allowUnorderedMigrations: true,
    // With several schemas in one database (tests), the lock table must be looked up in ours.
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message ?? error}`);
  }
}
