import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalShow, openTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import { testDatabases } from '../../../tests/helpers/test-databases.js';
import * as fold from './0075-fold-search-diacritics.js';

const postgres = testDatabases().filter((database) => database.name === 'postgres');

/* A PostgreSQL index made before accents were folded: after the migration "zoe" finds "Zoë" in English (Dutch stemming drops accents by itself). */
describe.runIf(postgres.length > 0).each(postgres)('search documents folded on $name', (database) => {
  let t: TestApp;
  let episodeId: string;
  beforeAll(async () => {
    t = await openTestApp(database);
    const show = await t.shows.create(minimalShow);
    episodeId = (await t.episodes.create(show.id, { title: 'Eén gesprek' })).id;
  });
  afterAll(async () => t.close());

  const finds = async (word: string) => {
    const { rows } = await sql<{ id: string }>`SELECT id FROM search_entries
      WHERE document @@ to_tsquery('english', ${`${word}:*`})`.execute(t.db.kysely);
    return rows.length;
  };

  it('makes every document again from its text without accents, and back on down', async () => {
    for (let i = 0; i < 3; i++) {
      await sql`INSERT INTO search_entries (episode_id, show_id, kind, language, text, document)
        VALUES (${episodeId}, 's', 'transcript', 'en', ${`Talk ${i} with Zoë.`},
                to_tsvector('english', ${`Talk ${i} with Zoë.`}))`.execute(t.db.kysely);
    }
    expect(await finds('zoe')).toBe(0);
    await fold.up(t.db.kysely);
    expect(await finds('zoe')).toBe(3);
    await fold.down(t.db.kysely);
    expect(await finds('zoe')).toBe(0);
  });
});
