import { randomBytes } from 'node:crypto';
import pg from 'pg';

/*
 * PostgreSQL test schemas are dropped once, after the whole run, not by each test file: Kysely's
 * migrator looks at every schema's tables when it starts (has_schema_privilege per schema), and a
 * schema another file drops at that moment fails it with `schema "t_…" does not exist`. Each
 * run names its schemas with its own id, so it drops only its own.
 */
export async function setup(): Promise<() => Promise<void>> {
  const run = randomBytes(4).toString('hex');
  process.env.ZENDER_TEST_RUN = run;
  return async () => {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) return;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ nspname: string }>(
        'SELECT nspname FROM pg_namespace WHERE nspname LIKE $1',
        [`t\\_${run}\\_%`],
      );
      for (const { nspname } of rows) await admin.query(`DROP SCHEMA "${nspname}" CASCADE`);
    } finally {
      await admin.end();
    }
  };
}
