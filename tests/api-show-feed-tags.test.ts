import { parseFeed } from 'podcast-partytime';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishableShow, readyEpisode } from './helpers/ready-episode.js';
import { minimalShow, openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

const tags = {
  license: 'cc-by-nc-sa-4.0',
  block: true,
  complete: true,
  location: { name: 'Amsterdam', geo: 'geo:52.3676,4.9041', osm: 'R271110', country: 'nl' },
  podroll: [
    {
      feedGuid: '917393E3-1B1E-5CEF-ACE4-EDAA54E1F810',
      feedUrl: 'https://feeds.podcastindex.org/pc20.xml',
      title: 'Podcasting 2.0',
    },
  ],
  updateFrequency: { text: 'Elke twee weken op maandag', rrule: 'freq=weekly;interval=2;byday=MO' },
};

const channel = (xml: string) => xml.split('<item>')[0];

describe.each(testDatabases())('show feed tags over the API on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(database);
  });
  afterAll(async () => t.close());

  async function publishedFeed(showId: string, slug: string) {
    const episode = await readyEpisode(t, showId);
    expect((await t.call('POST', `/api/v1/episodes/${episode.id}/publish`, { json: {} })).status).toBe(200);
    await t.worker.drain();
    return (await t.app.request(`/feeds/${slug}.xml`)).text();
  }

  it('keeps every tag, answers it in the same shape, and writes it in the feed apps read', async () => {
    const show = await publishableShow(t, { slug: 'tags', ...tags });
    expect(show).toMatchObject({
      ...tags,
      podroll: [{ ...tags.podroll[0], feedGuid: '917393e3-1b1e-5cef-ace4-edaa54e1f810' }],
      updateFrequency: { text: 'Elke twee weken op maandag', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO' },
    });
    const read = await (await t.call('GET', `/api/v1/shows/${show.id}`)).json();
    for (const key of Object.keys(tags)) expect(read[key], key).toEqual(show[key]);

    const xml = await publishedFeed(show.id, 'tags');
    expect(channel(xml)).toContain('<itunes:block>Yes</itunes:block>');
    expect(channel(xml)).toContain('<itunes:complete>Yes</itunes:complete>');
    const feed = parseFeed(xml);
    expect(feed).toMatchObject({
      itunesBlock: true,
      itunesComplete: true,
      license: { identifier: 'cc-by-nc-sa-4.0', url: 'https://spdx.org/licenses/CC-BY-NC-SA-4.0.html' },
      podcastLocation: { name: 'Amsterdam', geo: 'geo:52.3676,4.9041', osm: 'R271110' },
      podroll: [show.podroll[0]],
    });
    const parsed = await new Parser<Record<string, any>>({
      customFields: {
        feed: [['podcast:updateFrequency', 'frequency', { keepArray: true }]] as unknown as string[],
      },
    }).parseString(xml);
    expect(parsed.frequency[0]).toEqual({
      _: 'Elke twee weken op maandag',
      $: { rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO' },
    });
  });

  it('changes, clears and leaves alone what a patch says, and the feed follows', async () => {
    const show = await publishableShow(t, { slug: 'wisselen', ...tags });
    const custom = { name: 'gemeente-open-1.0', url: 'https://www.gemeente.nl/licentie' };
    const res = await t.call('PATCH', `/api/v1/shows/${show.id}`, {
      json: { license: custom, block: false, location: null, podroll: [] },
    });
    expect(res.status).toBe(200);
    const changed = await res.json();
    expect(changed).toMatchObject({
      license: custom,
      block: false,
      complete: true,
      location: null,
      podroll: [],
      updateFrequency: show.updateFrequency,
    });
    const xml = await publishedFeed(show.id, 'wisselen');
    expect(channel(xml)).not.toContain('itunes:block');
    expect(channel(xml)).not.toContain('podcast:location');
    expect(channel(xml)).not.toContain('podcast:podroll');
    expect(parseFeed(xml)?.license).toEqual({ identifier: custom.name, url: custom.url });
    const cleared = await (
      await t.call('PATCH', `/api/v1/shows/${show.id}`, {
        json: { license: null, complete: false, updateFrequency: null },
      })
    ).json();
    expect(cleared).toMatchObject({ license: null, complete: false, updateFrequency: null });
  });

  it('changes only the fields a patch names (the language too)', async () => {
    const show = await (
      await t.call('POST', '/api/v1/shows', { json: { ...minimalShow, slug: 'engels', language: 'en' } })
    ).json();
    const patched = await (
      await t.call('PATCH', `/api/v1/shows/${show.id}`, { json: { complete: true } })
    ).json();
    expect(patched).toMatchObject({ language: 'en', complete: true });
  });

  it('gives a new show no tags at all', async () => {
    const show = await (await t.call('POST', '/api/v1/shows', { json: minimalShow })).json();
    expect(show).toMatchObject({
      license: null,
      block: false,
      complete: false,
      location: null,
      podroll: [],
      updateFrequency: null,
    });
  });

  it('escapes hostile text in the location and the schedule', async () => {
    const hostile = 'Plein ]]> & <Markt> "oost"';
    const show = await publishableShow(t, {
      slug: 'vijandig',
      location: { name: hostile },
      updateFrequency: { text: hostile },
    });
    const xml = await publishedFeed(show.id, 'vijandig');
    expect(channel(xml)).toContain(
      '<podcast:location>Plein ]]&gt; &amp; &lt;Markt&gt; &quot;oost&quot;</podcast:location>',
    );
    const read = await new Parser<Record<string, any>>({
      customFields: { feed: ['podcast:location', 'podcast:updateFrequency'] },
    }).parseString(xml);
    expect(read['podcast:location']).toBe(hostile);
    expect(read['podcast:updateFrequency']).toBe(hostile);
    // Control characters are refused at the door, like every text field.
    const refused = await t.call('PATCH', `/api/v1/shows/${show.id}`, {
      json: { location: { name: 'Markt\u0001' } },
    });
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors[0].field).toBe('location.name');
  });
});

describe.each(testDatabases())('refusals of show and episode input on $name', (database) => {
  let t: TestApp;
  let showId: string;
  beforeAll(async () => {
    t = await openTestApp(database);
    showId = (await (await t.call('POST', '/api/v1/shows', { json: minimalShow })).json()).id;
  });
  afterAll(async () => t.close());

  async function refusal(method: string, path: string, json: unknown, language = 'nl') {
    const res = await t.call(method, path, { json, headers: { 'accept-language': language } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    return res.json();
  }

  it('refuses unknown fields by name, in Dutch and English, and saves nothing', async () => {
    const nl = await refusal('POST', '/api/v1/shows', {
      ...minimalShow,
      slug: 'nooit',
      licence: 'cc-by-4.0',
    });
    expect(nl).toMatchObject({ code: 'unknown_fields', title: 'Onbekend veld' });
    expect(nl.detail).toBe(
      'Dit veld kent de API niet: licence. Er is niets opgeslagen; controleer de spelling (de velden staan in /docs).',
    );
    expect(nl.errors).toEqual([
      { field: 'licence', code: 'unknown_field', message: 'licence is not a field of this request' },
    ]);
    const en = await refusal(
      'PATCH',
      `/api/v1/shows/${showId}`,
      {
        owner: { email: 'a@example.nl', mail: 'x' },
        funding: [{ url: 'https://a.nl', title: 't', amount: 5 }],
      },
      'en',
    );
    expect(en.detail).toBe(
      'The API does not know these fields: owner.mail, funding.0.amount. Nothing was saved; check the spelling (the fields are listed in /docs).',
    );
    const nested = await refusal('PATCH', `/api/v1/shows/${showId}`, {
      social: { hashtag: ['x'] },
      persons: [{ name: 'A', rol: 'host' }],
      location: { name: 'A', lat: 1 },
      podroll: [{ feedGuid: '917393e3-1b1e-5cef-ace4-edaa54e1f810', url: 'https://a.nl' }],
      updateFrequency: { text: 'x', rule: 'FREQ=DAILY' },
      license: { name: 'x', url: 'https://a.nl', version: '1' },
    });
    expect(nested.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'license.version',
      'location.lat',
      'persons.0.rol',
      'podroll.0.url',
      'social.hashtag',
      'updateFrequency.rule',
    ]);
    const list = await (await t.call('GET', '/api/v1/shows')).json();
    expect(list.items.map((s: { slug: string }) => s.slug)).not.toContain('nooit');
    expect((await (await t.call('GET', `/api/v1/shows/${showId}`)).json().then((s) => s.owner)).email).toBe(
      minimalShow.owner.email,
    );
  });

  it('refuses unknown fields of episodes too, nested ones included', async () => {
    const created = await refusal('POST', `/api/v1/shows/${showId}/episodes`, { title: 'A', seizoen: 2 });
    expect(created.detail).toContain('seizoen');
    const episode = await (
      await t.call('POST', `/api/v1/shows/${showId}/episodes`, { json: { title: 'Goed' } })
    ).json();
    const patched = await refusal(
      'PATCH',
      `/api/v1/episodes/${episode.id}`,
      {
        soundbites: [{ startSeconds: 1, durationSeconds: 5, titel: 'x' }],
        persons: [{ name: 'B', img: 'https://a.nl/b.jpg', foto: 'x' }],
      },
      'en',
    );
    expect(patched.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'persons.0.foto',
      'soundbites.0.titel',
    ]);
  });

  it('names an unknown license id, and explains the feed tags it refuses', async () => {
    const nl = await refusal('PATCH', `/api/v1/shows/${showId}`, { license: 'CC BY 4.0' });
    expect(nl.code).toBe('unknown_license');
    expect(nl.errors).toEqual([expect.objectContaining({ field: 'license', code: 'unknown_license' })]);
    expect(nl.detail).toBe(
      '"CC BY 4.0" in license is geen licentie-id die zender kent. Kies een id uit de lijst (zoals cc-by-4.0) of geef een eigen licentie als { "name", "url" }.',
    );
    const en = await refusal('PATCH', `/api/v1/shows/${showId}`, { license: 'cc-by-5.0' }, 'en');
    expect(en.detail).toContain('"cc-by-5.0" in license is not a license id zender knows');
    const bad = [
      [{ license: { name: 'eigen' } }, 'license.url'],
      [{ license: { name: 'eigen', url: 'ftp://a.nl/l' } }, 'license.url'],
      [{ location: { name: 'Noordpool', geo: 'geo:91,0' } }, 'location.geo', /latitude 91/],
      [{ location: { name: 'A', geo: '52.37,4.89' } }, 'location.geo', /geo URI/],
      [{ location: { name: 'A', osm: '271110' } }, 'location.osm'],
      [{ location: { name: 'A', country: 'NLD' } }, 'location.country'],
      [{ location: { name: '' } }, 'location.name'],
      [{ podroll: [{ feedGuid: 'pc20' }] }, 'podroll.0.feedGuid'],
      [{ updateFrequency: { text: 'x', rrule: 'FREQ=FORTNIGHTLY' } }, 'updateFrequency.rrule', /FORTNIGHTLY/],
      [{ updateFrequency: { text: 'x', rrule: 'FREQ=WEEKLY;COUNT=4' } }, 'updateFrequency.dtstart', /COUNT/],
      [
        {
          updateFrequency: {
            text: 'x',
            rrule: 'FREQ=WEEKLY;UNTIL=20261231',
            dtstart: '2026-09-01T00:00:00Z',
          },
        },
        'updateFrequency.dtstart',
      ],
      [{ updateFrequency: { text: 'x', dtstart: 'volgende week' } }, 'updateFrequency.dtstart'],
      [{ block: 'Yes' }, 'block'],
    ] as const;
    for (const [json, field, message] of bad) {
      const body = await refusal('PATCH', `/api/v1/shows/${showId}`, json, 'en');
      expect(body.code, JSON.stringify(json)).toBe('invalid_input');
      expect(body.errors[0].field, JSON.stringify(json)).toBe(field);
      if (message) expect(body.errors[0].message).toMatch(message);
    }
    const unchanged = await (await t.call('GET', `/api/v1/shows/${showId}`)).json();
    expect(unchanged).toMatchObject({ license: null, location: null, podroll: [], updateFrequency: null });
  });
});
