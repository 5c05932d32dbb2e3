import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../tests/helpers/test-databases.js';
import type { Db } from '../create-db.js';
import { findShowBySlugHistory } from '../repositories/shows-repository.js';
import * as backfill from './0021-backfill-show-slug-history.js';

function showRow(id: string, slug: string, extra: unknown) {
  const now = '2026-01-01T00:00:00.000Z';
  return {
    id,
    slug,
    title: 't',
    description: 'd',
    language: 'nl',
    author: 'a',
    owner_name: 'o',
    owner_email: 'o@example.nl',
    categories: '[]',
    explicit: 0,
    type: 'episodic' as const,
    locked: 1,
    funding: '[]',
    guid: id,
    social: '{"channels":[],"hashtags":[]}',
    persons: '[]',
    extra: JSON.stringify(extra),
    created_at: now,
    updated_at: now,
  };
}

/* A database from before show_slug_history: its old slugs, kept in extra, still redirect. */
describe.each(testDatabases())('slug history backfill on $name', (database) => {
  let db: Db & { destroy(): Promise<void> };
  beforeAll(async () => {
    db = await database.open();
  });
  afterAll(async () => db.destroy());

  it('moves extra.previousSlugs into the indexed table and out of extra', async () => {
    await db.kysely
      .insertInto('shows')
      .values([
        showRow('a', 'nieuw', {
          previousSlugs: ['oud', 'ouder'],
          subscribe: { apple: 'https://example.org/a' },
        }),
        showRow('b', 'ander', {}),
      ])
      .execute();
    await backfill.up(db.kysely);
    expect((await findShowBySlugHistory(db.kysely, 'oud'))?.slug).toBe('nieuw');
    expect((await findShowBySlugHistory(db.kysely, 'ouder'))?.slug).toBe('nieuw');
    expect(await findShowBySlugHistory(db.kysely, 'ander')).toBeUndefined();
    const a = await db.kysely
      .selectFrom('shows')
      .select('extra')
      .where('id', '=', 'a')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(a.extra)).toEqual({ subscribe: { apple: 'https://example.org/a' } });
    // Deleting the show takes its history along.
    await db.kysely.deleteFrom('shows').where('id', '=', 'a').execute();
    expect(await db.kysely.selectFrom('show_slug_history').selectAll().execute()).toEqual([]);
  });
});
