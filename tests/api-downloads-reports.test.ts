import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDownloadCounts } from '../src/db/repositories/analytics-repository.js';
import { parseTrustProxy } from '../src/net/client-address.js';
import { createS3Store } from '../src/storage/s3-store.js';
import { publishedMp3Episode } from './helpers/counted-audio.js';
import { publishableShow, readyEpisode } from './helpers/ready-episode.js';
import { type S3rverHandle, startS3rver } from './helpers/s3rver-server.js';
import { type ServedApp, serveApp } from './helpers/serve-app.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

describe.each(testDatabases())('download reports ($name)', (database) => {
  let t: TestApp;
  let showId: string;
  let episodeId: string;
  let otherId: string;
  const now = Date.parse('2026-04-15T12:00:00Z');

  beforeAll(async () => {
    t = await openTestApp(database, { clock: { now: () => new Date(now) } });
    const show = await publishableShow(t, { slug: 'rapport' });
    showId = show.id;
    const first = await readyEpisode(t, show.id, { title: '=SUM(A1) "Wonen", zorg' });
    await t.call('POST', `/api/v1/episodes/${first.id}/publish`, { json: {} });
    const second = await readyEpisode(t, show.id, { title: 'Armoede' });
    await t.call('POST', `/api/v1/episodes/${second.id}/publish`, { json: {} });
    episodeId = first.id;
    otherId = second.id;
    const row = (day: string, episode: string, app: string, device: string, downloads: number) => ({
      ...{ day, showId, episodeId: episode, app, device, downloads },
    });
    await addDownloadCounts(t.db.kysely, [
      row('2026-04-15', episodeId, 'Apple Podcasts', 'Apple iPhone', 5),
      row('2026-04-16', episodeId, 'AntennaPod', 'Android Phone', 3),
      row('2026-04-22', episodeId, 'web player', 'Windows Computer', 2),
      row('2026-05-20', episodeId, 'Apple Podcasts', 'Apple iPhone', 7),
      row('2026-04-16', otherId, 'Apple Podcasts', 'Apple iPhone', 4),
    ]);
    // Adding again adds up (the fold's pieces each add their part).
    await addDownloadCounts(t.db.kysely, [row('2026-04-15', episodeId, 'Apple Podcasts', 'Apple iPhone', 1)]);
  });

  afterAll(async () => {
    await t?.close();
  });

  const report = async (path: string, headers: Record<string, string> = {}) => {
    const res = await t.call('GET', path, { headers });
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
  };

  it('groups a show by day (empty days as 0), week, month, episode, app and device', async () => {
    const byDay = JSON.parse(
      (await report(`/api/v1/shows/${showId}/downloads?from=2026-04-14&to=2026-04-17`)).body,
    );
    expect(byDay).toEqual({
      total: 13,
      from: '2026-04-14',
      to: '2026-04-17',
      groupBy: 'day',
      items: [
        { key: '2026-04-14', label: '2026-04-14', downloads: 0 },
        { key: '2026-04-15', label: '2026-04-15', downloads: 6 },
        { key: '2026-04-16', label: '2026-04-16', downloads: 7 },
        { key: '2026-04-17', label: '2026-04-17', downloads: 0 },
      ],
    });
    const span = 'from=2026-04-01&to=2026-05-31';
    const week = JSON.parse((await report(`/api/v1/shows/${showId}/downloads?${span}&groupBy=week`)).body);
    expect(week.items.find((i: { key: string }) => i.key === '2026-W16')).toEqual({
      key: '2026-W16',
      label: '2026-04-13 – 2026-04-19',
      downloads: 13,
    });
    const month = JSON.parse((await report(`/api/v1/shows/${showId}/downloads?${span}&groupBy=month`)).body);
    expect(month.items).toEqual([
      { key: '2026-04', label: '2026-04', downloads: 15 },
      { key: '2026-05', label: '2026-05', downloads: 7 },
    ]);
    const episodes = JSON.parse(
      (await report(`/api/v1/shows/${showId}/downloads?${span}&groupBy=episode`)).body,
    );
    expect(episodes.items.map((i: { key: string; downloads: number }) => [i.key, i.downloads])).toEqual([
      [episodeId, 18],
      [otherId, 4],
    ]);
    const apps = JSON.parse((await report(`/api/v1/shows/${showId}/downloads?${span}&groupBy=app`)).body);
    expect(apps.items[0]).toEqual({ key: 'apple-podcasts', label: 'Apple Podcasts', downloads: 17 });
    expect(apps.items).toContainEqual({ key: 'web-player', label: 'web player', downloads: 2 });
    const devices = JSON.parse(
      (await report(`/api/v1/shows/${showId}/downloads?${span}&groupBy=device`)).body,
    );
    expect(devices.total).toBe(22);
  });

  it('gives an episode its downloads in the first 7 and 30 days from publication', async () => {
    const body = JSON.parse(
      (await report(`/api/v1/episodes/${episodeId}/downloads?from=2026-04-01&to=2026-05-31`)).body,
    );
    expect(body.total).toBe(18);
    expect(body.publishedAt.slice(0, 10)).toBe('2026-04-15');
    expect(body.first7Days).toBe(9); // 15th–21st (the 22nd is day 8)
    expect(body.first30Days).toBe(11);
  });

  it('answers CSV for Accept: text/csv or ?format=csv, safe for spreadsheets', async () => {
    const csv = await report(
      `/api/v1/shows/${showId}/downloads?from=2026-04-01&to=2026-05-31&groupBy=episode`,
      {
        accept: 'text/csv',
      },
    );
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.body.split('\r\n')).toEqual([
      'key,label,downloads',
      `${episodeId},"'=SUM(A1) ""Wonen"", zorg",18`,
      `${otherId},Armoede,4`,
      '',
    ]);
    const viaQuery = await report(
      `/api/v1/episodes/${episodeId}/downloads?format=csv&groupBy=month&from=2026-04-01&to=2026-04-30`,
    );
    expect(viaQuery.body).toBe('key,label,downloads\r\n2026-04,2026-04,11\r\n');
  });

  it('refuses bad spans and unknown groupings with a problem in the asked language, and 404s', async () => {
    const bad = await report(`/api/v1/shows/${showId}/downloads?from=2026-05-01&to=2026-04-01`, {
      'accept-language': 'en',
    });
    expect(bad.status).toBe(400);
    expect(bad.type).toMatch(/problem\+json/);
    expect(JSON.parse(bad.body).errors[0].field).toBe('from');
    expect((await report(`/api/v1/shows/${showId}/downloads?groupBy=year`)).status).toBe(400);
    expect((await report(`/api/v1/shows/${showId}/downloads?from=2026-02-30`)).status).toBe(400);
    expect((await report('/api/v1/shows/nope/downloads')).status).toBe(404);
    expect((await report('/api/v1/episodes/nope/downloads')).status).toBe(404);
  });

  it('needs a token for reports and an admin for folding', async () => {
    expect((await t.call('GET', `/api/v1/shows/${showId}/downloads`, { token: '' })).status).toBe(401);
    expect(
      (await t.call('GET', `/api/v1/shows/${showId}/downloads`, { token: await t.tokenFor('viewer') }))
        .status,
    ).toBe(200);
    expect(
      (await t.call('POST', '/api/v1/downloads/fold', { token: await t.tokenFor('editor') })).status,
    ).toBe(403);
    expect((await t.call('POST', '/api/v1/downloads/fold')).status).toBe(200);
    expect(
      (
        await t.call('PUT', `/api/v1/shows/${showId}/downloads/public`, {
          token: await t.tokenFor('viewer'),
          json: { public: true },
        })
      ).status,
    ).toBe(403);
  });

  it('describes the routes in the OpenAPI document', async () => {
    const doc = await (await t.app.request('/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/shows/{showId}/downloads',
        '/api/v1/episodes/{episodeId}/downloads',
        '/api/v1/downloads/fold',
        '/api/v1/shows/{showId}/downloads/public',
      ]),
    );
  });
});

// One database is enough: the redirect path is storage behaviour; counting rules are tested above.
describe('counting at the redirect to the object store (S3_PUBLIC_URL)', () => {
  let s3: S3rverHandle;
  let t: TestApp;
  let served: ServedApp;
  let now = Date.parse('2026-04-15T08:00:00Z');

  beforeAll(async () => {
    s3 = await startS3rver();
    const store = createS3Store({
      ...{ endpoint: s3.endpoint, region: s3.region, bucket: s3.bucket, forcePathStyle: true },
      ...{ accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
      publicUrl: `${s3.endpoint}/${s3.bucket}`,
    });
    t = await openTestApp(testDatabases()[0], {
      store,
      clock: { now: () => new Date(now) },
      trustProxy: parseTrustProxy('loopback'),
    });
    served = await serveApp(t);
  }, 60_000);

  afterAll(async () => {
    await served?.close();
    await t?.close();
    await s3?.close();
  });

  it('counts a redirected whole-file or long-range request, not a probe or HEAD', async () => {
    const show = await publishableShow(t, { slug: 's3-tellen' });
    const episode = await publishedMp3Episode(t, show.id, 'Op S3', 600);
    const ask = async (ip: string, range?: string, method = 'GET') => {
      const res = await fetch(`${served.origin}${episode.path}`, {
        method,
        redirect: 'manual',
        headers: { 'x-forwarded-for': ip, 'user-agent': 'AntennaPod/3.4.0', ...(range ? { range } : {}) },
      });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toContain(s3.endpoint);
    };
    await ask('198.51.100.20');
    await ask('198.51.100.21', 'bytes=0-1');
    await ask('198.51.100.22', undefined, 'HEAD');
    await ask('198.51.100.23', 'bytes=0-1000'); // a few hundred milliseconds: too little
    await ask('198.51.100.24', 'bytes=0-');
    now += 10_000;
    const fold = await (await t.call('POST', '/api/v1/downloads/fold')).json();
    expect(fold.downloads).toBe(2);
    const report = await (
      await t.call('GET', `/api/v1/episodes/${episode.id}/downloads?from=2026-04-15&to=2026-04-15`)
    ).json();
    expect(report.total).toBe(2);
    const statuses = await t.db.kysely.selectFrom('download_requests').select(['status', 'method']).execute();
    expect(statuses.every((row) => row.status === 302)).toBe(true);
  });
});
