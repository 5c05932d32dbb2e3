import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { parseFeed } from 'podcast-partytime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEpisodeById } from '../src/db/repositories/episodes-repository.js';
import { createS3Store } from '../src/storage/s3-store.js';
import { type FeedFixtureServer, startFeedFixtureServer } from './helpers/feed-fixture-server.js';
import { type S3rverHandle, startS3rver } from './helpers/s3rver-server.js';
import { itLeavesStorageConsistent } from './helpers/storage-consistency.js';
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
    const asked = feeds.requests.length;
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
    expect(feeds.requests.slice(asked).filter((p) => p.startsWith('/redirect/'))).toEqual([
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

  it('Anchor-shaped feed: a 404, an HTML page and garbage bytes are listed as problems; the rest imports', async () => {
    const result = await runImport(t, { feedUrl: feeds.feedUrl('anchor-style.xml') });
    expect(result).toMatchObject({ status: 'done', episodes: { total: 4, done: 1, failed: 3 } });
    const byGuid = Object.fromEntries(result.problems.map((p) => [p.guid, p]));
    expect(byGuid['7f1c0d2e-anchor-b']).toMatchObject({ code: 'enclosure_http_status' });
    expect(byGuid['7f1c0d2e-anchor-b'].message.nl).toContain('status 404');
    expect(byGuid['7f1c0d2e-anchor-b'].message.en).toContain('status 404');
    expect(byGuid['7f1c0d2e-anchor-c']).toMatchObject({ code: 'not_audio' });
    expect(byGuid['7f1c0d2e-anchor-d']).toMatchObject({ code: 'not_audio' });
    // Only the episode that came along exists: nothing half-imported for the three that failed.
    const episodes = await episodesOf(t, result.showId!);
    expect(episodes.map((e) => e.guid)).toEqual(['7f1c0d2e-anchor-a']);
    // A protocol-relative enclosure URL, fetched and kept byte for byte.
    expect(sha256(await fetchBytes(t, episodes[0].audio.url))).toBe(feeds.sha256['markt.mp3']);
    const show = (await (await t.call('GET', `/api/v1/shows/${result.showId}`)).json()) as Record<
      string,
      any
    >;
    expect(show.categories).toEqual(['Society & Culture/Documentary']);
    const files = await t.db.kysely
      .selectFrom('media_files')
      .select(['key', 'episode_id', 'show_id'])
      .execute();
    expect(files.filter((f) => f.episode_id === null && f.show_id === null)).toEqual([]);
  });

  it('Podlove-shaped feed: relative URLs, podcast:guid, funding, people, chapters and a transcript come along', async () => {
    const result = await runImport(t, { feedUrl: feeds.feedUrl('podlove-style.xml') });
    expect(result).toMatchObject({
      status: 'done',
      episodes: { total: 1, done: 1, failed: 0 },
      problems: [],
    });
    const show = (await (await t.call('GET', `/api/v1/shows/${result.showId}`)).json()) as Record<
      string,
      any
    >;
    expect(show).toMatchObject({
      guid: 'c3f5b0e4-8a8b-5c2e-9b1a-1f2e3d4c5b6a',
      type: 'serial',
      explicit: true,
      locked: true,
      language: 'en',
      link: `${feeds.origin}/archief`,
      funding: [{ url: 'https://provincie.example/steun', title: 'Steun het archief' }],
      persons: [{ name: 'Anna de Vries', role: 'host', href: 'https://provincie.example/anna' }],
    });
    expect(show.artworkUrl).toBeTruthy();
    const [episode] = await episodesOf(t, result.showId!);
    expect(episode).toMatchObject({
      guid: `${feeds.origin}/archief/deel-1`,
      season: 1,
      number: 1,
      status: 'published',
      publishedAt: '2025-04-05T07:30:00.000Z',
    });
    // content:encoded wins over description; the image is dropped by the sanitiser.
    expect(episode.description).toBe('<p>De oudste kaart van de provincie.</p>');
    expect(episode.artworkUrl).toBeTruthy();
    expect(sha256(await fetchBytes(t, episode.audio.url))).toBe(feeds.sha256['deel-1.mp3']);
    const chapters = await (await t.call('GET', `/api/v1/episodes/${episode.id}/chapters`)).json();
    expect((chapters as { chapters: { title: string }[] }).chapters.map((c) => c.title)).toEqual([
      'Begin',
      'De kaart',
    ]);
    const transcript = await t.call(
      'GET',
      `/api/v1/episodes/${episode.id}/transcript?language=nl&format=vtt`,
    );
    expect(transcript.status).toBe(200);
    expect(await transcript.text()).toContain('Welkom bij het archief.');
  });

  it("processAudio: true sends the audio through normal processing, then publishes it with the feed's date", async () => {
    const podlove = readFileSync(new URL('./fixtures/feeds/podlove-style.xml', import.meta.url), 'utf8');
    feeds.override('/feeds/processed.xml', podlove.replace('Archief Verteld', 'Archief Bewerkt'));
    const result = await runImport(t, { feedUrl: feeds.feedUrl('processed.xml'), processAudio: true });
    expect(result).toMatchObject({ status: 'done', episodes: { total: 1, done: 1, failed: 0 } });
    const [episode] = await episodesOf(t, result.showId!);
    expect(episode).toMatchObject({ status: 'published', publishedAt: '2025-04-05T07:30:00.000Z' });
    // Encoded at the show's target: no longer the original bytes.
    expect(episode.quality.targetLufs).toBe(-16);
    expect(Math.abs(episode.quality.outputLufs - -16)).toBeLessThan(1.5);
    expect(sha256(await fetchBytes(t, episode.audio.url))).not.toBe(feeds.sha256['deel-1.mp3']);
    const feed = parseFeed(
      await (await t.app.request(`http://zender.test/feeds/archief-bewerkt.xml`)).text(),
    );
    expect(feed?.items.map((i) => i.guid)).toEqual([`${feeds.origin}/archief/deel-1`]);
  });

  it.each([
    ['billion-laughs.xml', 'feed_doctype'],
    ['external-entity.xml', 'feed_doctype'],
  ])('refuses %s before parsing it (%s), leaving nothing behind', async (name, code) => {
    const before = await t.db.kysely.selectFrom('shows').select('id').execute();
    const result = await runImport(t, { feedUrl: feeds.feedUrl(name) });
    expect(result).toMatchObject({ status: 'failed', showId: null, problems: [{ code }] });
    expect(result.problems[0].message.en).toMatch(/DOCTYPE or ENTITY/);
    expect(await t.db.kysely.selectFrom('shows').select('id').execute()).toEqual(before);
  });

  it('stops reading a 500 MB "feed" at the size cap, and one that never ends at the time cap', async () => {
    const big = await runImport(t, { feedUrl: `${feeds.origin}/endless.xml` });
    expect(big).toMatchObject({ status: 'failed', showId: null, problems: [{ code: 'feed_too_large' }] });
    expect(big.problems[0].message.nl).toContain('2 MB');
    const slow = await runImport(t, { feedUrl: `${feeds.origin}/never-ends.xml` });
    expect(slow).toMatchObject({ status: 'failed', showId: null, problems: [{ code: 'feed_too_slow' }] });
    expect(slow.problems[0].message.en).toContain('2 s');
  });

  it('answers 400 for a feed URL that is not http(s) and 404 for an unknown import', async () => {
    const bad = await t.call('POST', '/api/v1/imports', { json: { feedUrl: 'file:///etc/passwd' } });
    expect(bad.status).toBe(400);
    const unknown = await t.call('POST', '/api/v1/imports', {
      json: { feedUrl: feeds.feedUrl('x.xml'), extra: 1 },
    });
    expect(unknown.status).toBe(400);
    expect((await t.call('GET', '/api/v1/imports/nope')).status).toBe(404);
    expect((await t.call('GET', '/api/v1/imports/nope', { token: '' })).status).toBe(401);
  });

  itLeavesStorageConsistent(() => t);
});

describe.each(testDatabases())('importing without ALLOW_PRIVATE_URLS ($name)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(database);
  });
  afterAll(async () => t.close());

  it('refuses a feed on 127.0.0.1 or localhost with the reason, before anything is fetched', async () => {
    const res = await t.call('POST', '/api/v1/imports', {
      json: { feedUrl: feeds.feedUrl('libsyn-style.xml') },
      headers: { 'accept-language': 'nl' },
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { code: string; detail: string };
    expect(problem.detail).toContain('De URL in feedUrl wijst naar 127.0.0.1');
    // localhost is refused by name at creation too; nothing was fetched, nothing made.
    const byName = await t.call('POST', '/api/v1/imports', {
      json: { feedUrl: feeds.feedUrl('libsyn-style.xml').replace('127.0.0.1', 'localhost') },
    });
    expect(byName.status).toBe(422);
    expect(await t.db.kysely.selectFrom('shows').select('id').execute()).toEqual([]);
  });
});

describe.each(testDatabases())('importing into S3 storage (s3rver, $name)', (database) => {
  let s3: S3rverHandle;
  let t: TestApp;
  let bucket: S3Client;
  beforeAll(async () => {
    s3 = await startS3rver();
    const connection = {
      ...{ endpoint: s3.endpoint, region: s3.region, forcePathStyle: true },
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    };
    const store = createS3Store({
      ...{ endpoint: s3.endpoint, region: s3.region, bucket: s3.bucket, forcePathStyle: true },
      ...{ accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    });
    t = await openTestApp(database, { store, allowPrivateUrls: true });
    // Read the bucket with a client of its own, not through zender's store.
    bucket = new S3Client(connection);
  }, 60_000);
  afterAll(async () => {
    bucket?.destroy();
    await t?.close();
    await s3?.close();
  });

  it('keeps every enclosure byte for byte in the bucket, and its media URL leads there', async () => {
    const result = await runImport(t, { feedUrl: feeds.feedUrl('libsyn-style.xml') });
    expect(result).toMatchObject({
      status: 'done',
      episodes: { total: 2, done: 2, failed: 0 },
      problems: [],
    });
    const fixtureOf: Record<string, string> = {
      'libsyn-ep-1001': 'ep1.mp3',
      'libsyn-ep-1000': 'trailer.mp3',
    };
    const episodes = await episodesOf(t, result.showId!);
    expect(episodes.map((e) => e.guid).sort()).toEqual(Object.keys(fixtureOf).sort());
    for (const episode of episodes) {
      const want = feeds.sha256[fixtureOf[episode.guid]];
      const row = await findEpisodeById(t.db.kysely, episode.id);
      const key = row!.audio!.key;
      const object = await bucket.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }));
      expect(sha256(Buffer.from(await object.Body!.transformToByteArray()))).toBe(want);
      // What a listener gets: a redirect to the bucket (presigned), and the same bytes there.
      const answer = await t.app.request(episode.audio.url);
      expect(answer.status).toBe(302);
      const location = answer.headers.get('location')!;
      expect(location.startsWith(`${s3.endpoint}/${s3.bucket}/`)).toBe(true);
      expect(sha256(Buffer.from(await (await fetch(location)).arrayBuffer()))).toBe(want);
    }
    // Nothing went to a local media folder.
    expect(existsSync(path.join(t.dir, 'media'))).toBe(false);
  });

  const bucketSha256 = async (episodeId: string) => {
    const key = (await findEpisodeById(t.db.kysely, episodeId))!.audio!.key;
    const object = await bucket.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }));
    return sha256(Buffer.from(await object.Body!.transformToByteArray()));
  };

  it('Anchor-shaped feed: the broken enclosures are listed, none of their bytes stays in the bucket, the rest is there', async () => {
    const result = await runImport(t, { feedUrl: feeds.feedUrl('anchor-style.xml') });
    expect(result).toMatchObject({ status: 'done', episodes: { total: 4, done: 1, failed: 3 } });
    expect(result.problems.map((p) => p.code).sort()).toEqual([
      'enclosure_http_status',
      'not_audio',
      'not_audio',
    ]);
    const episodes = await episodesOf(t, result.showId!);
    expect(episodes.map((e) => e.guid)).toEqual(['7f1c0d2e-anchor-a']);
    expect(await bucketSha256(episodes[0].id)).toBe(feeds.sha256['markt.mp3']);
    // The storage check at the end of this block finds no object without its record.
  });

  it('Podlove-shaped feed: audio, artwork, chapters and the transcript all land in the bucket', async () => {
    const result = await runImport(t, { feedUrl: feeds.feedUrl('podlove-style.xml') });
    expect(result).toMatchObject({ status: 'done', episodes: { total: 1, done: 1 }, problems: [] });
    const [episode] = await episodesOf(t, result.showId!);
    expect(await bucketSha256(episode.id)).toBe(feeds.sha256['deel-1.mp3']);
    const chapters = await (await t.call('GET', `/api/v1/episodes/${episode.id}/chapters`)).json();
    expect((chapters as { chapters: { title: string }[] }).chapters.map((c) => c.title)).toEqual([
      'Begin',
      'De kaart',
    ]);
    const transcript = await t.call(
      'GET',
      `/api/v1/episodes/${episode.id}/transcript?language=nl&format=vtt`,
    );
    expect(await transcript.text()).toContain('Welkom bij het archief.');
    const show = (await (await t.call('GET', `/api/v1/shows/${result.showId}`)).json()) as {
      artworkUrl: string;
    };
    const artwork = await t.app.request(show.artworkUrl);
    expect([200, 302]).toContain(artwork.status);
    const listed = await bucket.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
    const keys = (listed.Contents ?? []).map((o) => o.Key ?? '');
    expect(keys.filter((key) => key.startsWith(`shows/${result.showId}/artwork/`)).length).toBeGreaterThan(0);
    expect(existsSync(path.join(t.dir, 'media'))).toBe(false);
  });

  itLeavesStorageConsistent(() => t);
});
