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
        const schema = `t_${randomBytes(6).toString('hex')}`;
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query(`CREATE SCHEMA ${schema}`);
        await admin.end();
        const db = createDb({ kind: 'postgres', url, schema });
        await migrateToLatest(db.kysely, { schema });
        return {
          ...db,
          async destroy() {
            await db.kysely.destroy();
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
