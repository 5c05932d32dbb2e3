import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FeedFixtureServer, startFeedFixtureServer } from './helpers/feed-fixture-server.js';
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
