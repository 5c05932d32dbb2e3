import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../tests/helpers/test-databases.js';
import type { Db } from '../create-db.js';
import * as convert from './0081-license-ids-from-text.js';

const { licenseIdFromText, convertLegacyLicense } = convert;

describe('licenseIdFromText', () => {
  it('recognises the ways people write a Creative Commons license', () => {
    const cases: [string, string][] = [
      ['CC BY 4.0', 'cc-by-4.0'],
      ['CC-BY-4.0', 'cc-by-4.0'],
      ['cc-by-4.0', 'cc-by-4.0'],
      ['CC BY-NC-SA 4.0', 'cc-by-nc-sa-4.0'],
      ['(CC BY-ND 4.0)', 'cc-by-nd-4.0'],
      ['Creative Commons Attribution 4.0 International', 'cc-by-4.0'],
      ['Creative Commons Attribution-ShareAlike 4.0 International License', 'cc-by-sa-4.0'],
      ['Creative Commons Naamsvermelding-NietCommercieel-GelijkDelen 4.0 Internationaal', 'cc-by-nc-sa-4.0'],
      ['CC BY 3.0 NL', 'cc-by-3.0-nl'],
      ['CC0', 'cc0-1.0'],
      ['CC0 1.0', 'cc0-1.0'],
      ['https://creativecommons.org/licenses/by-nc-nd/4.0/deed.nl', 'cc-by-nc-nd-4.0'],
      ['https://creativecommons.org/publicdomain/zero/1.0/', 'cc0-1.0'],
      ['https://spdx.org/licenses/CC-BY-SA-4.0.html', 'cc-by-sa-4.0'],
      ['cc by v4', 'cc-by-4.0'],
    ];
    for (const [text, id] of cases) expect(licenseIdFromText(text), text).toBe(id);
  });

  it('names nothing for texts that are not a listed license', () => {
    for (const text of ['Alle rechten voorbehouden', 'CC BY 5.0', 'MIT', 'CC BY-SA 3.0 NL', 'cc', '']) {
      expect(licenseIdFromText(text), text).toBeNull();
    }
  });

  it('moves a text it cannot name into the copyright, without losing or repeating it', () => {
    expect(convertLegacyLicense({ license: 'Alle rechten voorbehouden', copyright: null })).toEqual({
      license: null,
      copyright: 'Alle rechten voorbehouden',
    });
    expect(
      convertLegacyLicense({ license: 'Alle rechten voorbehouden', copyright: '© 2026 Gemeente' }),
    ).toEqual({ license: null, copyright: '© 2026 Gemeente. Alle rechten voorbehouden' });
    expect(
      convertLegacyLicense({
        license: 'alle rechten voorbehouden',
        copyright: '© Gemeente. Alle rechten voorbehouden.',
      }),
    ).toEqual({ license: null, copyright: '© Gemeente. Alle rechten voorbehouden.' });
    expect(convertLegacyLicense({ license: '  ', copyright: 'c' })).toEqual({
      license: null,
      copyright: 'c',
    });
  });
});

/* A database from before 0080: free-text licenses become ids, or copyright text. */
describe.each(testDatabases())('migration 0081 on $name', (database) => {
  let db: Db & { destroy(): Promise<void> };
  beforeAll(async () => {
    db = await database.open();
  });
  afterAll(async () => db.destroy());

  function showRow(
    id: string,
    license: string | null,
    copyright: string | null,
    licenseUrl: string | null = null,
  ) {
    const now = '2026-01-01T00:00:00.000Z';
    return {
      id,
      slug: id,
      title: 't',
      description: 'd',
      language: 'nl',
      author: 'a',
      owner_name: 'o',
      owner_email: 'o@example.nl',
      categories: '[]',
      explicit: 0,
      type: 'episodic' as const,
      copyright,
      license,
      license_url: licenseUrl,
      locked: 1,
      funding: '[]',
      guid: id,
      social: '{"channels":[],"hashtags":[]}',
      persons: '[]',
      extra: '{}',
      created_at: now,
      updated_at: now,
    };
  }

  it('converts each row once, and leaves ids and custom licenses alone', async () => {
    await db.kysely
      .insertInto('shows')
      .values([
        showRow('a', 'CC BY 4.0', null),
        showRow('b', 'Alle rechten voorbehouden', '© 2026 Gemeente'),
        showRow('c', 'cc-by-sa-4.0', null),
        showRow('d', 'gemeente-open', null, 'https://example.nl/licentie'),
        showRow('e', null, null),
      ])
      .execute();
    await convert.up(db.kysely);
    await convert.up(db.kysely);
    const rows = await db.kysely
      .selectFrom('shows')
      .select(['id', 'license', 'license_url', 'copyright'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: 'a', license: 'cc-by-4.0', license_url: null, copyright: null },
      { id: 'b', license: null, license_url: null, copyright: '© 2026 Gemeente. Alle rechten voorbehouden' },
      { id: 'c', license: 'cc-by-sa-4.0', license_url: null, copyright: null },
      { id: 'd', license: 'gemeente-open', license_url: 'https://example.nl/licentie', copyright: null },
      { id: 'e', license: null, license_url: null, copyright: null },
    ]);
  });
});
