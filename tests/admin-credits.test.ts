import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishableShow, readyEpisode } from './helpers/ready-episode.js';
import { staffAs } from './helpers/staff-session.js';
import { minimalShow, openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

/** The details form as the screen posts it, with the person and soundbite rows given. */
const detailsForm = (rows: Record<string, string[]>) => ({
  title: 'Wethouder over wonen',
  summary: '',
  description: '',
  season: '',
  number: '',
  type: 'full',
  ...rows,
});

describe.each(testDatabases())('people and soundbites on the staff screens ($name)', (database) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await openTestApp(database);
  });
  afterEach(async () => {
    await t.close();
  });

  it('saves guests and soundbites typed in the details form, keeps what the API set, and puts them in the feed', async () => {
    const show = await publishableShow(t);
    const episode = await readyEpisode(t, show.id);
    const apiSet = await t.call('PATCH', `/api/v1/episodes/${episode.id}`, {
      json: {
        persons: [{ name: 'Anna de Vries', role: 'host', group: 'cast', organisation: 'Kennisplatform' }],
      },
    });
    expect(apiSet.status).toBe(200);
    const editor = await staffAs(t, 'editor');
    const page = await (await editor.get(`/admin/episodes/${episode.id}`)).text();
    expect(page).toContain('Mensen in deze aflevering');
    expect(page).toContain('value="Anna de Vries"');
    expect(page).toContain('value="Kennisplatform"');
    expect(page).toMatch(/<option value="host" selected="">Presentator<\/option>/);

    const saved = await editor.post(
      `/admin/episodes/${episode.id}`,
      detailsForm({
        personName: ['Anna de Vries', 'Fatima el Amrani <script>', ''],
        personRole: ['host', 'guest', 'guest'],
        personOrganisation: ['Kennisplatform', 'Gemeente Utrecht', ''],
        personGroup: ['cast', '', ''],
        personRoleBefore: ['host', 'guest', 'guest'],
        personHref: ['', 'https://utrecht.nl/wethouder', ''],
        personImg: ['', '', ''],
        soundbiteStart: ['1:05', ''],
        soundbiteDuration: ['30', ''],
        soundbiteTitle: ['De kern ]]> in één zin', ''],
      }),
    );
    expect(saved.status).toBe(303);
    const api = await (await t.call('GET', `/api/v1/episodes/${episode.id}`)).json();
    expect(api.persons).toEqual([
      { name: 'Anna de Vries', role: 'host', group: 'cast', organisation: 'Kennisplatform' },
      {
        name: 'Fatima el Amrani <script>',
        role: 'guest',
        organisation: 'Gemeente Utrecht',
        href: 'https://utrecht.nl/wethouder',
      },
    ]);
    expect(api.soundbites).toEqual([
      { startSeconds: 65, durationSeconds: 30, title: 'De kern ]]> in één zin' },
    ]);
    const again = await (await editor.get(`/admin/episodes/${episode.id}`)).text();
    expect(again).toContain('value="Fatima el Amrani &lt;script&gt;"');
    expect(again).not.toContain('<script>"');
    expect(again).toContain('value="1:05"');

    expect((await editor.post(`/admin/episodes/${episode.id}/publish`, { when: 'now' })).status).toBe(303);
    await t.worker.drain();
    const feed = await (await t.app.request(`/feeds/${show.slug}.xml`)).text();
    expect(feed).toContain(
      '<podcast:soundbite startTime="65" duration="30">De kern ]]&gt; in één zin</podcast:soundbite>',
    );
    expect(feed).toMatch(
      /<podcast:person role="guest"[^>]*>Fatima el Amrani &lt;script&gt;<\/podcast:person>/,
    );
  });

  it('keeps on a save what the form only shows: no role stays host, a fraction of a second stays, a changed role drops its group', async () => {
    const show = await publishableShow(t);
    const episode = await readyEpisode(t, show.id);
    await t.call('PATCH', `/api/v1/episodes/${episode.id}`, {
      json: {
        persons: [{ name: 'Bert' }, { name: 'Carla', role: 'editor', group: 'writing' }],
        soundbites: [{ startSeconds: 12.5, durationSeconds: 20 }],
      },
    });
    const editor = await staffAs(t, 'editor');
    const page = await (await editor.get(`/admin/episodes/${episode.id}`)).text();
    expect(page).toContain('value="0:12.5"');
    expect(page).toContain('<label for="person-name-1">2. Naam</label>');
    // The form as the page sends it, with Carla's role changed to guest.
    const saved = await editor.post(
      `/admin/episodes/${episode.id}`,
      detailsForm({
        personName: ['Bert', 'Carla', ''],
        personRole: ['host', 'guest', 'guest'],
        personOrganisation: ['', '', ''],
        personGroup: ['', 'writing', ''],
        personRoleBefore: ['host', 'editor', 'guest'],
        personHref: ['', '', ''],
        personImg: ['', '', ''],
        soundbiteStart: ['0:12.5', ''],
        soundbiteDuration: ['20', ''],
        soundbiteTitle: ['', ''],
      }),
    );
    expect(saved.status).toBe(303);
    const api = await (await t.call('GET', `/api/v1/episodes/${episode.id}`)).json();
    expect(api.persons).toEqual([
      { name: 'Bert', role: 'host' },
      { name: 'Carla', role: 'guest' },
    ]);
    expect(api.soundbites).toEqual([{ startSeconds: 12.5, durationSeconds: 20 }]);
  });

  it('refuses a name with a control character as the API does, next to its row', async () => {
    const show = await publishableShow(t);
    const episode = await readyEpisode(t, show.id);
    const editor = await staffAs(t, 'editor');
    const refused = await editor.post(
      `/admin/episodes/${episode.id}`,
      detailsForm({
        personName: ['Gast\u0007'],
        personRole: ['guest'],
        personHref: [''],
        soundbiteStart: [],
      }),
    );
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/id="person-name-0-error">Dit veld klopt niet/);
  });

  it('refuses a web address that is not one and a soundbite longer than ten minutes, next to the row, saving nothing', async () => {
    const show = await publishableShow(t);
    const episode = await readyEpisode(t, show.id);
    const editor = await staffAs(t, 'editor');
    const refused = await editor.post(
      `/admin/episodes/${episode.id}`,
      detailsForm({
        personName: ['Gast'],
        personRole: ['guest'],
        personHref: ['javascript:alert(1)'],
        soundbiteStart: ['0:10'],
        soundbiteDuration: ['900'],
        soundbiteTitle: [''],
      }),
    );
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('value="javascript:alert(1)"');
    expect(html).toMatch(/id="person-href-0-error">Vul een volledig webadres in/);
    expect(html).toMatch(/id="soundbite-duration-0-error">Vul een duur in van 1 tot 600 seconden/);
    expect(html).toMatch(/id="soundbite-duration-0"[^>]*aria-invalid="true"/);
    const api = await (await t.call('GET', `/api/v1/episodes/${episode.id}`)).json();
    expect(api.persons).toEqual([]);
    expect(api.soundbites).toEqual([]);
    expect(api.title).not.toBe('Wethouder over wonen');
  });

  it("credits the show's hosts on the show form, in the feed's channel, and explains a refused row", async () => {
    const show = await publishableShow(t);
    const editor = await staffAs(t, 'editor');
    const form = (persons: Record<string, string[]>) => ({
      title: show.title,
      description: minimalShow.description,
      author: minimalShow.author,
      ownerEmail: minimalShow.owner.email,
      language: 'nl',
      category: 'Government',
      type: 'episodic',
      locked: 'on',
      ...persons,
    });
    const refused = await editor.post(
      `/admin/shows/${show.id}`,
      form({ personName: [''], personRole: ['host'], personHref: ['https://example.nl/anna'] }),
    );
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/id="person-name-0-error">Vul dit veld in\./);
    expect((await (await t.call('GET', `/api/v1/shows/${show.id}`)).json()).persons).toEqual([]);

    const saved = await editor.post(
      `/admin/shows/${show.id}`,
      form({
        personName: ['Anna de Vries', ''],
        personRole: ['host', 'guest'],
        personOrganisation: ['Kennisplatform', ''],
        personHref: ['https://example.nl/anna', ''],
      }),
    );
    expect(saved.status).toBe(303);
    const api = await (await t.call('GET', `/api/v1/shows/${show.id}`)).json();
    expect(api.persons).toEqual([
      {
        name: 'Anna de Vries',
        role: 'host',
        organisation: 'Kennisplatform',
        href: 'https://example.nl/anna',
      },
    ]);
    const page = await (await editor.get(`/admin/shows/${show.id}`)).text();
    expect(page).toContain('Mensen van de podcast');
    expect(page).toContain('value="Anna de Vries"');
    const episode = await readyEpisode(t, show.id);
    expect((await editor.post(`/admin/episodes/${episode.id}/publish`, { when: 'now' })).status).toBe(303);
    await t.worker.drain();
    const feed = await (await t.app.request(`/feeds/${show.slug}.xml`)).text();
    expect(feed).toMatch(
      /<podcast:person role="host"[^>]*href="https:\/\/example.nl\/anna"[^>]*>Anna de Vries<\/podcast:person>/,
    );
  });
});
