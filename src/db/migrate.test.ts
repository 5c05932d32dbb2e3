import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDb } from './create-db.js';
import { migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';

describe('migrateToLatest', () => {
  it('runs a migration merged after a higher-numbered one already ran (feature ranges land in any order)', async () => {
    const db = createDb({ kind: 'sqlite', file: ':memory:' });
    const names = Object.keys(migrations).sort();
    const latest = names.at(-1)!;
    const skipped = names.filter((name) => name.startsWith('002'));
    expect(skipped.length).toBeGreaterThan(0);
    // A database that ran everything but the 0020s (as one built before they were merged).
    const older = Object.fromEntries(Object.entries(migrations).filter(([name]) => !skipped.includes(name)));
    const before = new Migrator({ db: db.kysely, provider: { getMigrations: async () => older } });
    expect((await before.migrateToLatest()).error).toBeUndefined();

    await migrateToLatest(db.kysely);
    const ran = await db.kysely
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute();
    expect((ran as { name: string }[]).map((row) => row.name).sort()).toEqual(names);
    expect(names).toContain(latest);
    await db.kysely.destroy();
  });
});
