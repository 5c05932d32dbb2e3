import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';

export type DbConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; schema?: string };

export interface Db {
  kysely: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
}

// Sizes are bigint columns in PostgreSQL; files stay far below 2^53, so numbers are exact.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/**
 * Opens the database the config names. SQLite gets WAL (readers never block the writer) and a
 * busy timeout so API and worker processes can share one file.
 */
export function createDb(config: DbConfig): Db {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: 10,
      // A per-schema search_path lets tests run in isolated schemas of one database.
      ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
    });
    // A connection the server ends (restart, pg_terminate_backend, a network cut) is an 'error'
    // event: on the pool for an idle client, on the client itself for one checked out between
    // queries (inside a transaction). Unheard, either ends the process. The query in flight, or
    // the next one on that client, fails on its own; the pool drops the broken client on release
    // and opens a fresh one.
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    return { kysely: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
  }
  if (config.file !== ':memory:') fs.mkdirSync(path.dirname(config.file), { recursive: true });
  const database = new SQLite(config.file);
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  return { kysely: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }), dialect: 'sqlite' };
}
