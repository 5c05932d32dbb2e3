import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDownloadCounts } from '../src/db/repositories/analytics-repository.js';
import { type FeedFixtureServer, startFeedFixtureServer } from './helpers/feed-fixture-server.js';
import { publishableShow, readyEpisode } from './helpers/ready-episode.js';
import { type StaffBrowser, staffAs } from './helpers/staff-session.js';
import { minimalShow, openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

let feeds: FeedFixtureServer;
beforeAll(async () => {
  feeds = await startFeedFixtureServer();
});
afterAll(async () => feeds.close());

/** Switches the account's language through the header form, as a person would. */
async function toEnglish(browser: StaffBrowser) {
  const switched = await browser.post('/admin/locale', { locale: 'en', back: '/admin' });
  expect(switched.status).toBe(303);
}

describe.each(testDatabases())('moving-in screens over HTTP ($name)', (database) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await openTestApp(database, { allowPrivateUrls: true });
  });
  afterEach(async () => {
    await t.close();
  });

  it('shows editors the import form and the move checklist in Dutch and English; viewers neither', async () => {
    const editor = await staffAs(t, 'editor');
    const overview = await (await editor.get('/admin')).text();
    expect(overview).toContain('<a href="/admin/imports">Verhuizen</a>');
    const page = await (await editor.get('/admin/imports')).text();
    expect(page).toContain('Adres van de huidige feed');
    expect(page).toContain('itunes:new-feed-url');
    expect(page).toContain('301');
    expect(page).toContain('Apple Podcasts Connect');
    expect(page).toContain('Spotify');
    await toEnglish(editor);
    const english = await (await editor.get('/admin/imports')).text();
    expect(english).toContain('Address of the current feed');
    expect(english).toContain('Point the old feed at the new one: set itunes:new-feed-url');
    expect(english).toContain('Give the new feed address to Apple Podcasts Connect.');

    const viewer = await staffAs(t, 'viewer');
    expect(await (await viewer.get('/admin')).text()).not.toContain('/admin/imports');
    expect((await viewer.get('/admin/imports')).status).toBe(403);
    const tried = await viewer.post('/admin/imports', { feedUrl: feeds.feedUrl('libsyn-style.xml') });
    expect(tried.status).toBe(403);
    expect(await t.db.kysely.selectFrom('imports').select('id').execute()).toEqual([]);
  });

  it('refuses a post without the CSRF token and a bad address with the reason next to the field, keeping what was typed', async () => {
    const editor = await staffAs(t, 'editor');
    const forged = await editor.post(
      '/admin/imports',
      { feedUrl: feeds.feedUrl('libsyn-style.xml') },
      { csrf: false },
    );
    expect(forged.status).toBe(403);
    const refused = await editor.post('/admin/imports', { feedUrl: 'geen adres', processAudio: 'on' });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toMatch(/id="f-feedUrl-error">Vul een volledig adres in/);
    expect(html).toContain('value="geen adres"');
    expect(html).toMatch(/name="processAudio" value="on" checked/);
    expect(await t.db.kysely.selectFrom('imports').select('id').execute()).toEqual([]);
  });

  it('takes over a feed, shows its progress and problems, and downloads the export through the session', async () => {
    const editor = await staffAs(t, 'editor');
    const started = await editor.post('/admin/imports', { feedUrl: feeds.feedUrl('anchor-style.xml') });
    expect(started.status).toBe(303);
    const statusUrl = started.headers.get('location')!;
    expect(statusUrl).toMatch(/^\/admin\/imports\/[\w-]+\?started=1$/);
    const queued = await (await editor.get(statusUrl)).text();
    expect(queued).toContain('De import is gestart.');
    expect(queued).toContain('in de wachtrij');
    await t.worker.drain();
    const done = await (await editor.get(statusUrl.split('?')[0])).text();
    expect(done).toContain('klaar');
    expect(done).toContain('1 van 4 overgenomen, 3 mislukt');
    expect(done).toContain('status 404');
    const showId = /href="\/admin\/shows\/([\w-]+)">Naar de podcast/.exec(done)?.[1];
    expect(showId).toBeTruthy();

    const screen = await (await editor.get(`/admin/shows/${showId}`)).text();
    expect(screen).toContain(`href="/admin/shows/${showId}/export"`);
    const archive = await editor.get(`/admin/shows/${showId}/export`);
    expect(archive.status).toBe(200);
    expect(archive.headers.get('content-type')).toBe('application/x-tar');
    expect(archive.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.tar"$/);
    const bytes = Buffer.from(await archive.arrayBuffer());
    // A tar header names its file in the first 100 bytes and carries "ustar" at 257.
    expect(bytes.subarray(257, 262).toString()).toBe('ustar');
    expect(bytes.toString('latin1')).toContain('show.json');

    // A viewer limited to another show gets 404 (the show does not exist for them); no session, the sign-in page.
    const other = await t.call('POST', '/api/v1/shows', { json: { ...minimalShow, title: 'Ander' } });
    const otherId = ((await other.json()) as { id: string }).id;
    const limited = await staffAs(t, 'viewer', { email: 'beperkt@gemeente.example', showIds: [otherId] });
    expect((await limited.get(`/admin/shows/${showId}/export`)).status).toBe(404);
    const reader = await staffAs(t, 'viewer');
    const read = await reader.get(`/admin/shows/${showId}/export`);
    expect(read.status).toBe(200);
    expect(Buffer.from(await read.arrayBuffer()).toString('latin1')).toContain('show.json');
    const anonymous = await t.app.request(`${t.baseUrl}/admin/shows/${showId}/export`);
    expect(anonymous.status).not.toBe(200);
  });
});

describe.each(testDatabases())('the moved-feed setting on the show form ($name)', (database) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await openTestApp(database);
  });
  afterEach(async () => {
    await t.close();
  });

  it('sets, refuses with the reason in place, and clears the new feed address', async () => {
    const created = await t.call('POST', '/api/v1/shows', { json: minimalShow });
    const show = (await created.json()) as { id: string; title: string; description: string };
    const editor = await staffAs(t, 'editor');
    const form = await (await editor.get(`/admin/shows/${show.id}`)).text();
    expect(form).toContain('Verhuisd naar een nieuwe feed');
    const fields = {
      title: minimalShow.title,
      description: minimalShow.description,
      author: minimalShow.author,
      ownerEmail: minimalShow.owner.email,
      language: 'nl',
      category: 'Government',
      type: 'episodic',
    };
    const refused = await editor.post(`/admin/shows/${show.id}`, {
      ...fields,
      movedFeedUrl: 'nieuw-adres',
      movedAfter: '2026-05-01',
    });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toMatch(/id="f-movedFeedUrl-error">Vul een volledig webadres in/);
    expect(html).toContain('value="nieuw-adres"');
    expect(html).toContain('value="2026-05-01"');
    const noDate = await editor.post(`/admin/shows/${show.id}`, {
      ...fields,
      movedFeedUrl: 'https://nieuw.example/feed.xml',
    });
    expect(noDate.status).toBe(400);
    expect(await noDate.text()).toMatch(/id="f-movedAfter-error">Vul een datum in/);
    const saved = await editor.post(`/admin/shows/${show.id}`, {
      ...fields,
      movedFeedUrl: 'https://nieuw.example/feed.xml',
      movedAfter: '2026-05-01',
    });
    expect(saved.status).toBe(303);
    const api = async () => (await (await t.call('GET', `/api/v1/shows/${show.id}`)).json()).movedTo;
    expect(await api()).toEqual({
      feedUrl: 'https://nieuw.example/feed.xml',
      redirectAfter: expect.stringMatching(/^2026-05-01T00:00:00(\.000)?Z$/),
    });
    const page = await (await editor.get(`/admin/shows/${show.id}`)).text();
    expect(page).toContain('value="https://nieuw.example/feed.xml"');
    expect(
      await editor.post(`/admin/shows/${show.id}`, { ...fields, movedFeedUrl: '', movedAfter: '' }),
    ).toMatchObject({ status: 303 });
    expect(await api()).toBeNull();
  });
});

describe.each(testDatabases())('import refusals from the service ($name)', (database) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await openTestApp(database);
  });
  afterEach(async () => {
    await t.close();
  });

  it('shows the security rule sentence next to the field when the feed is on an inside address', async () => {
    const editor = await staffAs(t, 'editor');
    const refused = await editor.post('/admin/imports', { feedUrl: feeds.feedUrl('libsyn-style.xml') });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toMatch(/id="f-feedUrl-error">De URL in feedUrl wijst naar 127\.0\.0\.1/);
    expect(html).toContain(`value="${feeds.feedUrl('libsyn-style.xml')}"`);
    expect(await t.db.kysely.selectFrom('shows').select('id').execute()).toEqual([]);
  });
});

describe.each(testDatabases())('downloads screens over HTTP ($name)', (database) => {
  let t: TestApp;
  let showId: string;
  let episodeId: string;
  beforeAll(async () => {
    t = await openTestApp(database, { clock: { now: () => new Date('2026-04-15T12:00:00Z') } });
    const show = await publishableShow(t, { slug: 'rapport' });
    showId = show.id;
    const episode = await readyEpisode(t, show.id, { title: 'Wonen & zorg' });
    await t.call('POST', `/api/v1/episodes/${episode.id}/publish`, { json: {} });
    episodeId = episode.id;
    const row = (day: string, app: string, device: string, downloads: number) => ({
      ...{ day, showId, episodeId, app, device, downloads },
    });
    await addDownloadCounts(t.db.kysely, [
      row('2026-04-15', 'Apple Podcasts', 'Apple iPhone', 1200),
      row('2026-04-15', 'AntennaPod', 'Android Phone', 34),
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows every reader the figures with the chart files, reachable from the show and episode screens', async () => {
    const viewer = await staffAs(t, 'viewer');
    expect(await (await viewer.get(`/admin/shows/${showId}`)).text()).toContain(
      `href="/admin/shows/${showId}/downloads"`,
    );
    const answer = await viewer.get(`/admin/shows/${showId}/downloads`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    const html = await answer.text();
    expect(html).toContain('<h1>Beluisteringen: ');
    expect(html).toContain('1.234');
    expect(html).toContain('Apple Podcasts');
    expect(html).toContain('AntennaPod');
    expect(html).toContain('Android Phone');
    expect(html).toContain('Wonen &amp; zorg');
    expect(html).toMatch(/<script src="\/assets\/analytics\/uplot-\w+\.js"/);
    expect(html).toContain('De totalen zijn niet openbaar.');
    // A viewer sees the setting but has no form to change it.
    expect(html).not.toContain('/downloads/public"');
    const chart = /src="(\/assets\/analytics\/downloads-chart-\w+\.js)"/.exec(html)![1];
    expect((await t.app.request(`${t.baseUrl}${chart}`)).status).toBe(200);

    expect(await (await viewer.get(`/admin/episodes/${episodeId}`)).text()).toContain(
      `href="/admin/episodes/${episodeId}/downloads"`,
    );
    const episode = await (await viewer.get(`/admin/episodes/${episodeId}/downloads`)).text();
    expect(episode).toContain('De eerste 30 dagen, opgeteld');
    expect(episode).toContain('7: <strong>1.234</strong>');

    await toEnglish(viewer);
    expect(await (await viewer.get(`/admin/shows/${showId}/downloads`)).text()).toContain('<h1>Downloads: ');

    const other = await t.call('POST', '/api/v1/shows', { json: { ...minimalShow, title: 'Ander' } });
    const otherId = ((await other.json()) as { id: string }).id;
    const limited = await staffAs(t, 'viewer', { email: 'elders@gemeente.example', showIds: [otherId] });
    expect((await limited.get(`/admin/shows/${showId}/downloads`)).status).toBe(404);
    expect((await limited.get(`/admin/episodes/${episodeId}/downloads`)).status).toBe(404);
  });

  it('lets editors turn the public totals page on and off, behind the CSRF token', async () => {
    const publicPage = async () => (await t.app.request(`${t.baseUrl}/downloads/rapport`)).status;
    const viewer = await staffAs(t, 'viewer', { email: 'lezer2@gemeente.example' });
    expect((await viewer.post(`/admin/shows/${showId}/downloads/public`, { public: 'on' })).status).toBe(403);
    const editor = await staffAs(t, 'editor');
    const forged = await editor.post(
      `/admin/shows/${showId}/downloads/public`,
      { public: 'on' },
      { csrf: false },
    );
    expect(forged.status).toBe(403);
    expect(await publicPage()).toBe(404);
    const on = await editor.post(`/admin/shows/${showId}/downloads/public`, { public: 'on' });
    expect(on.status).toBe(200);
    const html = await on.text();
    expect(html).toContain('De instelling is opgeslagen.');
    expect(html).toContain('De totalen staan openbaar op');
    expect(html).toMatch(/name="public" value="on" checked/);
    expect(await publicPage()).toBe(200);
    await editor.post(`/admin/shows/${showId}/downloads/public`, {});
    expect(await publicPage()).toBe(404);
  });
});
