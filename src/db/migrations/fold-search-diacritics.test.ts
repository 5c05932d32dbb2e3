import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalShow, openTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import { testDatabases } from '../../../tests/helpers/test-databases.js';
import * as fold from './0075-fold-search-diacritics.js';

/*
 * An index made before accents were folded. PostgreSQL: after the migration "zoe" finds "Zoë" in
 * an English passage (Dutch stemming drops accents by itself), and down undoes it. SQLite: FTS5's
 * tokenizer folds accents already, and the migration leaves its table alone.
 */
describe.each(testDatabases())('search documents folded on $name', (database) => {
  let t: TestApp;
  let episodeId: string;
  beforeAll(async () => {
    t = await openTestApp(database);
    const show = await t.shows.create(minimalShow);
    episodeId = (await t.episodes.create(show.id, { title: 'Eén gesprek' })).id;
  });
  afterAll(async () => t.close());

  const postgres = database.name === 'postgres';
  const insert = (i: number) =>
    postgres
      ? sql`INSERT INTO search_entries (episode_id, show_id, kind, language, text, document)
          VALUES (${episodeId}, 's', 'transcript', 'en', ${`Talk ${i} with Zoë.`},
                  to_tsvector('english', ${`Talk ${i} with Zoë.`}))`
      : sql`INSERT INTO search_entries (episode_id, show_id, kind, language, text)
          VALUES (${episodeId}, 's', 'transcript', 'en', ${`Talk ${i} with Zoë.`})`;
  const finds = async (word: string) => {
    const query = postgres
      ? sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM search_entries WHERE document @@ to_tsquery('english', ${`${word}:*`})`
      : sql<{ n: number }>`SELECT count(*) AS n FROM search_entries WHERE search_entries MATCH ${`${word}*`}`;
    return Number((await query.execute(t.db.kysely)).rows[0].n);
  };

  it('finds "Zoë" by "zoe" after the migration, on either database; on PostgreSQL only because of it', async () => {
    for (let i = 0; i < 3; i++) await insert(i).execute(t.db.kysely);
    expect(await finds('zoe')).toBe(postgres ? 0 : 3);
    await fold.up(t.db.kysely);
    expect(await finds('zoe')).toBe(3);
    await fold.down(t.db.kysely);
    expect(await finds('zoe')).toBe(postgres ? 0 : 3);
  });
});
