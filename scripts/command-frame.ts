import { type AppConfig, ConfigError, loadConfig } from '../src/config/load-config.js';
import { createDb, type Db } from '../src/db/create-db.js';
import { migrateToLatest } from '../src/db/migrate.js';

/**
 * Runs a command's `main` and exits with the status it returns. A configuration error prints its
 * sentence, anything else its stack, after the command's name, and exits with 1.
 */
export function runCommand(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(
        `${name}: ${error instanceof ConfigError ? error.message : (error as Error).stack}\n`,
      );
      process.exit(1);
    },
  );
}

/** `work` on the configured database, migrated first (as `npm start` would) and closed after. */
export async function withDatabase<T>(work: (db: Db, config: AppConfig) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = createDb(config.database);
  try {
    await migrateToLatest(db.kysely);
    return await work(db, config);
  } finally {
    await db.kysely.destroy();
  }
}
