import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type Db } from '../../src/db/create-db.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  open(): Promise<Db & { destroy(): Promise<void> }>;
}

/**
 * Every data test runs once per dialect, as Kysely's own suite does: SQLite always, PostgreSQL
 * when TEST_DATABASE_URL is set (.ci/run sets it). Each open() gets an empty, migrated database:
 * a fresh SQLite file in memory, or a fresh schema in PostgreSQL.
 */
export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [
    {
      name: 'sqlite',
      async open() {
        const db = createDb({ kind: 'sqlite', file: ':memory:' });
        await migrateToLatest(db.kysely);
        return { ...db, destroy: () => db.kysely.destroy() };
      },
    },
  ];
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    list.push({
      name: 'postgres',
      async open() {
        // The run's id (global-setup.ts) lets the run drop its schemas once it is over.
        const run = process.env.ZENDER_TEST_RUN;
        const schema = `t_${run ? `${run}_` : ''}${randomBytes(6).toString('hex')}`;
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query(`CREATE SCHEMA ${schema}`);
        await admin.end();
        const db = createDb({ kind: 'postgres', url, schema });
        await migrateDespiteDroppedSchemas(db, schema);
        return {
          ...db,
          async destroy() {
            await db.kysely.destroy();
            if (run) return; // dropped with the rest of the run's schemas at its end
            const cleanup = new pg.Client({ connectionString: url });
            await cleanup.connect();
            await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
            await cleanup.end();
          },
        };
      },
    });
  }
  return list;
}

/**
 * Kysely's migrator starts by listing every schema's tables, and PostgreSQL fails that query when
 * a schema vanishes while it runs — another test run on the same server ending. That is the one
 * error tried again; our own run drops its schemas only at its end (global-setup.ts).
 */
async function migrateDespiteDroppedSchemas(db: Db, schema: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await migrateToLatest(db.kysely, { schema });
      return;
    } catch (error) {
      const vanished = /schema "t_[0-9a-f_]+" does not exist/.test(String(error));
      if (!vanished || String(error).includes(`"${schema}"`) || attempt >= 5) throw error;
    }
  }
}
