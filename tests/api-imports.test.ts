import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseFeed } from 'podcast-partytime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FeedFixtureServer, startFeedFixtureServer } from './helpers/feed-fixture-server.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

interface ImportView {
  id: string;
  status: string;
  showId: string | null;
  episodes: { total: number; done: number; failed: number };
  problems: { guid: string | null; code: string; message: { nl: string; en: string } }[];
}

let feeds: FeedFixtureServer;
beforeAll(async () => {
  feeds = await startFeedFixtureServer();
});
afterAll(async () => feeds.close());

async function runImport(t: TestApp, body: Record<string, unknown>): Promise<ImportView> {
  const started = await t.call('POST', '/api/v1/imports', { json: body });
  expect(started.status).toBe(202);
  const { id, jobId } = (await started.json()) as { id: string; jobId: string };
  expect(jobId).toBeTruthy();
  await t.worker.drain();
  return (await (await t.call('GET', `/api/v1/imports/${id}`)).json()) as ImportView;
}

async function episodesOf(t: TestApp, showId: string) {
  const res = await t.call('GET', `/api/v1/shows/${showId}/episodes?limit=200`);
  return ((await res.json()) as { items: Record<string, any>[] }).items;
}

async function fetchBytes(t: TestApp, url: string): Promise<Buffer> {
  const res = await t.app.request(url);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe.each(testDatabases())('importing a podcast from its feed ($name)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(database, {
      allowPrivateUrls: true,
      importFeedLimits: { maxBytes: 2 * 1024 * 1024, timeoutMs: 2000 },
    });
  });
  afterAll(async () => t.close());
  let libsynShowId = '';

  it('Libsyn-shaped feed: show and episodes with their guids and dates, audio byte for byte, published', async () => {
    const result = await runImport(t, { feedUrl: feeds.feedUrl('libsyn-style.xml') });
    expect(result).toMatchObject({
      status: 'done',
      episodes: { total: 2, done: 2, failed: 0 },
      problems: [],
    });
    libsynShowId = result.showId!;
    const show = (await (await t.call('GET', `/api/v1/shows/${result.showId}`)).json()) as Record<
      string,
      any
    >;
    expect(show).toMatchObject({
      title: 'Raadsvergadering Op Oor',
      language: 'nl-nl',
      author: 'Gemeente Voorbeeld',
      owner: { name: 'Team Communicatie', email: 'podcast@voorbeeld.nl' },
      categories: ['Government', 'News/Politics'],
      explicit: false,
      type: 'episodic',
      copyright: '© 2025 Gemeente Voorbeeld',
      link: `${feeds.origin}/website`,
    });
    // itunes:image without an extension, served as application/octet-stream: recognised by its bytes.
    expect(show.artworkUrl).toMatch(/^http:\/\/zender\.test\//);

    const episodes = await episodesOf(t, result.showId!);
    const byGuid = Object.fromEntries(episodes.map((e) => [e.guid, e]));
    expect(Object.keys(byGuid).sort()).toEqual(['libsyn-ep-1000', 'libsyn-ep-1001']);
    const first = byGuid['libsyn-ep-1001'];
    expect(first).toMatchObject({
      title: 'Begroting 2026 & de "binnenstad"',
      status: 'published',
      publishedAt: '2025-02-03T07:00:00.000Z',
      season: 2,
      number: 1,
      type: 'full',
      explicit: false,
    });
    // Sanitised as zender's own: no script, no event handler; the link stays.
    expect(first.description).not.toMatch(/script|onclick|alert/);
    expect(first.description).toContain('<a href="https://voorbeeld.nl">link</a>');
    expect(first.duration).toBeGreaterThan(5.5);
    expect(first.quality).toMatchObject({ codec: 'mp3' });
    // Behind two redirects, kept byte for byte.
    expect(feeds.requests.filter((p) => p.startsWith('/redirect/'))).toEqual([
      '/redirect/2/ep1.mp3',
      '/redirect/1/ep1.mp3',
    ]);
    expect(sha256(await fetchBytes(t, first.audio.url))).toBe(feeds.sha256['ep1.mp3']);
    // A wrong type (audio/x-m4a) and a wrong length (99999999) in the feed do not matter.
    const trailer = byGuid['libsyn-ep-1000'];
    expect(trailer).toMatchObject({
      type: 'trailer',
      status: 'published',
      publishedAt: '2025-01-01T10:00:00.000Z',
    });
    expect(sha256(await fetchBytes(t, trailer.audio.url))).toBe(feeds.sha256['trailer.mp3']);

    // The feed zender now serves carries the original guids and dates and zender's enclosures.
    const feed = parseFeed(await (await t.app.request(show.feedUrl)).text());
    expect(feed?.items.map((i) => i.guid).sort()).toEqual(['libsyn-ep-1000', 'libsyn-ep-1001']);
    for (const item of feed!.items) expect(item.enclosure.url).toMatch(/^http:\/\/zender\.test\/media\//);
  });

  it('running the same import again adds new episodes and updates changed ones, never a duplicate', async () => {
    const original = readFileSync(new URL('./fixtures/feeds/libsyn-style.xml', import.meta.url), 'utf8');
    const changed = original
      .replace('Kort vooruitblikken.', 'Een nieuwe beschrijving.')
      .replace(
        '<item>',
        `<item><title>Nieuwe aflevering</title><guid isPermaLink="false">libsyn-ep-1002</guid><pubDate>Mon, 03 Mar 2025 08:00:00 GMT</pubDate><enclosure url="{{BASE}}/audio/markt.mp3" type="audio/mpeg"/></item><item>`,
      );
    feeds.override('/feeds/libsyn-style.xml', changed);
    const audioFetches = feeds.requests.filter((p) => p.startsWith('/redirect/2/')).length;
    const second = await runImport(t, { feedUrl: feeds.feedUrl('libsyn-style.xml') });
    feeds.override('/feeds/libsyn-style.xml', original);
    expect(second).toMatchObject({
      status: 'done',
      showId: libsynShowId,
      episodes: { total: 3, done: 3, failed: 0 },
    });
    const episodes = await episodesOf(t, second.showId!);
    expect(episodes.map((e) => e.guid).sort()).toEqual([
      'libsyn-ep-1000',
      'libsyn-ep-1001',
      'libsyn-ep-1002',
    ]);
    expect(episodes.find((e) => e.guid === 'libsyn-ep-1000')!.description).toBe('Een nieuwe beschrijving.');
    // Unchanged enclosures are not downloaded again.
    expect(feeds.requests.filter((p) => p.startsWith('/redirect/2/')).length).toBe(audioFetches);
  });
});
