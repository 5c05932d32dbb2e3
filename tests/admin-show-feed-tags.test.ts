import { parseFeed } from 'podcast-partytime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishableShow, readyEpisode } from './helpers/ready-episode.js';
import { staffAs } from './helpers/staff-session.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

/** The show form as a browser posts it, with the feed tags filled in. */
const showForm = (overrides: Record<string, string> = {}) => ({
  title: 'Mensenrechten dichtbij',
  description: 'Gesprekken met gemeenten.',
  author: 'Kennisplatform',
  ownerEmail: 'podcast@example.nl',
  language: 'nl',
  category: 'Government',
  type: 'episodic',
  locked: 'on',
  link: 'https://example.nl/podcast',
  block: 'on',
  complete: 'on',
  license: 'cc-by-sa-4.0',
  locationName: 'Amsterdam',
  locationGeo: 'geo:52.3676,4.9041',
  locationOsm: 'r271110',
  locationCountry: 'NL',
  frequencyText: 'Elke twee weken',
  frequencyRule: 'FREQ=WEEKLY;INTERVAL=2',
  frequencyStart: '2026-09-07',
  podroll:
    '917393e3-1b1e-5cef-ace4-edaa54e1f810 https://feeds.podcastindex.org/pc20.xml Podcasting 2.0\n\n29cdca4a-32d8-56ba-b48b-09a011c5daa9',
  ...overrides,
});

/** The field's input says it is invalid and points at its error, whose text is given. */
function expectFieldError(html: string, field: string, sentence: string) {
  const id = `f-${field}`;
  expect(html, field).toContain(`<p class="za-field-error" id="${id}-error">${sentence}</p>`);
  const input = new RegExp(`<(input|select|textarea)[^>]*id="${id}"[^>]*>`).exec(html)?.[0] ?? '';
  expect(input, field).toContain('aria-invalid="true"');
  expect(input, field).toMatch(new RegExp(`aria-describedby="[^"]*${id}-error`));
}

describe.each(testDatabases())('feed tags on the show screen ($name)', (database) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await openTestApp(database);
  });
  afterEach(async () => {
    await t.close();
  });

  it('lets an editor set them in labelled groups, and the feed carries them', async () => {
    const show = await publishableShow(t, { slug: 'tags-form' });
    const editor = await staffAs(t, 'editor');
    const page = await (await editor.get(`/admin/shows/${show.id}`)).text();
    for (const legend of ['Zichtbaarheid in apps', 'Licentie', 'Plaats waar de podcast over gaat']) {
      expect(page).toContain(`<legend>${legend}</legend>`);
    }
    expect(page).toContain('<label for="f-license">Licentie</label>');
    expect(page).toContain('<option value="cc-by-4.0">CC BY 4.0 (Naamsvermelding)</option>');
    expect(page).toContain('<option value="custom">Eigen licentie (naam en adres hieronder)</option>');
    expect(page).toContain('<label for="f-locationGeo">Coördinaten (geo-URI)</label>');
    expect(page).toContain('<label for="f-block-on">Verbergen in Apple Podcasts (itunes:block)</label>');

    const saved = await editor.post(`/admin/shows/${show.id}`, showForm());
    expect(saved.status).toBe(303);
    const api = await (await t.call('GET', `/api/v1/shows/${show.id}`)).json();
    expect(api).toMatchObject({
      block: true,
      complete: true,
      license: 'cc-by-sa-4.0',
      location: { name: 'Amsterdam', geo: 'geo:52.3676,4.9041', osm: 'R271110', country: 'nl' },
      updateFrequency: {
        text: 'Elke twee weken',
        rrule: 'FREQ=WEEKLY;INTERVAL=2',
        dtstart: '2026-09-07',
        complete: true,
      },
      podroll: [
        {
          feedGuid: '917393e3-1b1e-5cef-ace4-edaa54e1f810',
          feedUrl: 'https://feeds.podcastindex.org/pc20.xml',
          title: 'Podcasting 2.0',
        },
        { feedGuid: '29cdca4a-32d8-56ba-b48b-09a011c5daa9' },
      ],
    });
    // The form shows what was saved.
    const again = await (await editor.get(`/admin/shows/${show.id}`)).text();
    expect(again).toContain('<option value="cc-by-sa-4.0" selected="">');
    expect(again).toContain('<option value="FREQ=WEEKLY;INTERVAL=2" selected="">');
    expect(again).toMatch(/id="f-locationOsm"[^>]*value="R271110"/);

    const episode = await readyEpisode(t, show.id);
    expect((await editor.post(`/admin/episodes/${episode.id}/publish`, { when: 'now' })).status).toBe(303);
    await t.worker.drain();
    const xml = await (await t.app.request('/feeds/tags-form.xml')).text();
    expect(parseFeed(xml)).toMatchObject({
      itunesBlock: true,
      itunesComplete: true,
      license: { identifier: 'cc-by-sa-4.0', url: 'https://spdx.org/licenses/CC-BY-SA-4.0.html' },
      podcastLocation: { name: 'Amsterdam', geo: 'geo:52.3676,4.9041', osm: 'R271110' },
      podroll: api.podroll,
    });
    expect(xml).toContain(
      '<podcast:updateFrequency rrule="FREQ=WEEKLY;INTERVAL=2" complete="true" dtstart="2026-09-07">Elke twee weken</podcast:updateFrequency>',
    );

    // Emptying the groups takes the tags out again; a custom license with its address replaces the id.
    const cleared = await editor.post(
      `/admin/shows/${show.id}`,
      showForm({
        block: '',
        complete: '',
        license: 'custom',
        licenseName: 'gemeente-open-1.0',
        licenseUrl: 'https://www.gemeente.nl/licentie',
        locationName: '',
        locationGeo: '',
        locationOsm: '',
        locationCountry: '',
        frequencyText: '',
        frequencyRule: '',
        frequencyStart: '',
        podroll: '',
      }),
    );
    expect(cleared.status).toBe(303);
    expect(await (await t.call('GET', `/api/v1/shows/${show.id}`)).json()).toMatchObject({
      block: false,
      complete: false,
      license: { name: 'gemeente-open-1.0', url: 'https://www.gemeente.nl/licentie' },
      location: null,
      updateFrequency: null,
      podroll: [],
    });
  });

  it('refuses what apps could not read with the reason next to each field, keeping what was typed', async () => {
    const show = await publishableShow(t, { slug: 'tags-wrong' });
    const editor = await staffAs(t, 'editor');
    const typed = showForm({
      license: 'custom',
      licenseName: 'eigen',
      licenseUrl: 'geen-adres',
      locationGeo: 'geo:152.37,4.89',
      locationOsm: 'Amsterdam',
      locationCountry: 'NLD',
      frequencyRule: 'custom',
      frequencyCustomRule: 'FREQ=FORTNIGHTLY',
      podroll: 'https://feeds.podcastindex.org/pc20.xml',
    });
    const refused = await editor.post(`/admin/shows/${show.id}`, typed);
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expectFieldError(
      html,
      'licenseUrl',
      'Vul bij een eigen licentie een naam en een volledig webadres (https://) in.',
    );
    expectFieldError(
      html,
      'locationGeo',
      'Vul coördinaten in zoals geo:52.3676,4.9041 (breedte tussen −90 en 90, lengte tussen −180 en 180).',
    );
    expectFieldError(html, 'locationOsm', 'Vul N, W of R in, gevolgd door cijfers, zoals R271110.');
    expectFieldError(html, 'locationCountry', 'Vul twee kleine letters in, zoals nl.');
    expectFieldError(
      html,
      'frequencyCustomRule',
      'Deze herhaalregel kunnen apps niet lezen; gebruik bijvoorbeeld FREQ=WEEKLY;BYDAY=MO.',
    );
    expect(html).toContain('id="f-podroll-error"');
    expect(html).toMatch(/id="f-locationGeo"[^>]*value="geo:152.37,4.89"/);
    expect(html).toContain('>https://feeds.podcastindex.org/pc20.xml</textarea>');
    expect(await (await t.call('GET', `/api/v1/shows/${show.id}`)).json()).toMatchObject({
      license: null,
      location: null,
      updateFrequency: null,
    });

    // In English too.
    await editor.post('/admin/locale', { locale: 'en', back: `/admin/shows/${show.id}` });
    const english = await (
      await editor.post(`/admin/shows/${show.id}`, { ...typed, locationName: '', locationGeo: '' })
    ).text();
    expectFieldError(
      english,
      'locationName',
      'Fill in the name of the place; coordinates and an OSM id belong to a name.',
    );
    expect(english).toContain('<legend>Release schedule</legend>');
  });
});
