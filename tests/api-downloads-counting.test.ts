import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { id3TagSize } from '../src/analytics/byte-coverage.js';
import { parseTrustProxy } from '../src/net/client-address.js';
import { publishedMp3Episode } from './helpers/counted-audio.js';
import { publishableShow } from './helpers/ready-episode.js';
import { type ServedApp, serveApp } from './helpers/serve-app.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

const podcasts = 'Podcasts/1650.20 CFNetwork/1568.100.1 Darwin/24.0.0';
const overcast = 'Overcast/3.0 (+http://overcast.fm/; iOS podcast app)';
const chrome =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const hour = 3600_000;

/**
 * The IAB guideline scenarios, each through real HTTP requests to the real app behind
 * TRUST_PROXY=loopback (the test is the proxy that names the client in X-Forwarded-For), then a
 * fold, then the reports API. The clock is the app's own, moved by the test.
 */
describe.each(testDatabases())('download counting ($name)', (database) => {
  let t: TestApp;
  let served: ServedApp;
  let now = Date.parse('2026-03-10T09:00:00.000Z');
  let showId: string;
  let long: Awaited<ReturnType<typeof publishedMp3Episode>>;
  let trailer: Awaited<ReturnType<typeof publishedMp3Episode>>;
  let bytesPerSecond: number;
  let audioStart: number;

  beforeAll(async () => {
    t = await openTestApp(database, {
      clock: { now: () => new Date(now) },
      trustProxy: parseTrustProxy('loopback'),
    });
    served = await serveApp(t);
    showId = (await publishableShow(t, { slug: 'tellen' })).id;
    long = await publishedMp3Episode(t, showId, 'Een uur', 3600);
    trailer = await publishedMp3Episode(t, showId, 'Trailer', 40);
    audioStart = id3TagSize(long.bytes);
    bytesPerSecond = (long.bytes.length - audioStart) / 3600;
  }, 120_000);

  afterAll(async () => {
    await served?.close();
    await t?.close();
  });

  async function recorded(): Promise<number> {
    await t.analytics.recorder.flush();
    const row = await t.db.kysely
      .selectFrom('download_requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async function get(path: string, headers: { ip: string; ua?: string; range?: string }, method = 'GET') {
    const before = await recorded();
    const response = await fetch(`${served.origin}${path}`, {
      method,
      headers: {
        'x-forwarded-for': headers.ip,
        ...(headers.ua ? { 'user-agent': headers.ua } : {}),
        ...(headers.range ? { range: headers.range } : {}),
      },
    });
    await response.arrayBuffer();
    // A request is recorded when its answer has gone out (the server's stream closes a moment
    // after the client has the last byte): wait for that before the test moves the clock.
    const until = Date.now() + 10_000;
    while ((await recorded()) === before && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    return response.status;
  }

  function seconds(from: number, to: number) {
    return `bytes=${Math.floor(audioStart + from * bytesPerSecond)}-${Math.floor(audioStart + to * bytesPerSecond) - 1}`;
  }

  /** Folds (a few seconds later, past the fold's margin) and answers the episode's downloads per app. */
  async function downloads(episodeId: string) {
    now += 5000;
    const fold = await t.call('POST', '/api/v1/downloads/fold');
    expect(fold.status).toBe(200);
    const res = await t.call(
      'GET',
      `/api/v1/episodes/${episodeId}/downloads?groupBy=app&from=2026-03-01&to=2026-03-31`,
    );
    expect(res.status).toBe(200);
    return (await res.json()) as {
      total: number;
      items: { key: string; label: string; downloads: number }[];
    };
  }

  async function counted(episodeId: string, listen: () => Promise<void>): Promise<number> {
    const before = (await downloads(episodeId)).total;
    await listen();
    return (await downloads(episodeId)).total - before;
  }

  it('the same listener three times in an hour is one download', async () => {
    const n = await counted(long.id, async () => {
      for (let i = 0; i < 3; i++) {
        expect(await get(long.path, { ip: '198.51.100.1', ua: podcasts })).toBe(200);
        now += 20 * 60_000;
      }
    });
    expect(n).toBe(1);
  });

  it('one address with two user agents is two listeners', async () => {
    expect(
      await counted(long.id, async () => {
        await get(long.path, { ip: '198.51.100.2', ua: podcasts });
        await get(long.path, { ip: '198.51.100.2', ua: overcast });
      }),
    ).toBe(2);
  });

  it('a bytes=0-1 probe, HEAD and a 416 count nothing', async () => {
    expect(
      await counted(long.id, async () => {
        expect(await get(long.path, { ip: '198.51.100.3', ua: podcasts, range: 'bytes=0-1' })).toBe(206);
        expect(await get(long.path, { ip: '198.51.100.3', ua: podcasts }, 'HEAD')).toBe(200);
        expect(await get(long.path, { ip: '198.51.100.3', ua: podcasts, range: 'bytes=99999999-' })).toBe(
          416,
        );
      }),
    ).toBe(0);
  });

  it('thirty seconds of a one-hour file is not a download; two ranges of forty seconds are', async () => {
    expect(
      await counted(long.id, async () => {
        expect(await get(long.path, { ip: '198.51.100.4', ua: podcasts, range: seconds(0, 30) })).toBe(206);
      }),
    ).toBe(0);
    expect(
      await counted(long.id, async () => {
        await get(long.path, { ip: '198.51.100.5', ua: podcasts, range: seconds(0, 40) });
        await get(long.path, { ip: '198.51.100.5', ua: podcasts, range: seconds(600, 640) });
      }),
    ).toBe(1);
  });

  it('a whole forty-second trailer is a download', async () => {
    expect(
      await counted(trailer.id, () => get(trailer.path, { ip: '198.51.100.6', ua: podcasts }).then(() => {})),
    ).toBe(1);
  });

  it('Googlebot and a bot only OPAWG knows count nothing', async () => {
    expect(
      await counted(long.id, async () => {
        await get(long.path, {
          ip: '66.249.66.1',
          ua: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
        });
        await get(long.path, {
          ip: '198.51.100.7',
          ua: 'com.apple.mobilenotes.SharingExtension/2511 CFNetwork/1494.0.7 Darwin/23.4.0',
        });
      }),
    ).toBe(0);
  });

  it('the same listener 25 hours later is a second download', async () => {
    expect(
      await counted(long.id, async () => {
        await get(long.path, { ip: '198.51.100.8', ua: podcasts });
        now += 25 * hour;
        await get(long.path, { ip: '198.51.100.8', ua: podcasts });
      }),
    ).toBe(2);
  });

  it('two IPv6 addresses in one /64 with one user agent are one listener', async () => {
    expect(
      await counted(long.id, async () => {
        await get(long.path, { ip: '2001:db8:1:2::10', ua: podcasts });
        await get(long.path, { ip: '2001:db8:1:2:aaaa::20', ua: podcasts });
      }),
    ).toBe(1);
  });

  it("the Apple Watch's pair of requests is one download, on the watch", async () => {
    const before = await downloads(long.id);
    await get(long.path, {
      ip: '198.51.100.9',
      ua: 'atc/1.0 watchOS/7.3 model/Watch6,4 hwp/t8301 build/18S801 (6; dt:227)',
    });
    await get(long.path, {
      ip: '198.51.100.9',
      ua: 'AppleCoreMedia/1.0.0.18S821 (Apple Watch; U; CPU OS 7_3_2 like Mac OS X; de_de)',
    });
    const after = await downloads(long.id);
    expect(after.total - before.total).toBe(1);
    const devices = await (
      await t.call(
        'GET',
        `/api/v1/episodes/${long.id}/downloads?groupBy=device&from=2026-03-01&to=2026-03-31`,
      )
    ).json();
    expect(devices.items.find((item: { label: string }) => item.label === 'Apple Watch')?.downloads).toBe(1);
  });

  it('a play in the public page’s player is one download under "web player"', async () => {
    const page = await fetch(`${served.origin}/shows/tellen/een-uur`);
    const html = await page.text();
    const src = /<audio[^>]* src="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
    expect(src).toBeTruthy();
    const path = new URL(src!).pathname + new URL(src!).search;
    const before = await downloads(long.id);
    // A browser's audio element: first bytes=0-, then (after a seek) a later range.
    await get(path, { ip: '198.51.100.10', ua: chrome, range: 'bytes=0-' });
    const after = await downloads(long.id);
    expect(after.total - before.total).toBe(1);
    const web = (list: typeof after) =>
      list.items.find((item) => item.label === 'web player')?.downloads ?? 0;
    expect(web(after) - web(before)).toBe(1);
  });

  it('keeps no address and drops raw requests once they are older than a day', async () => {
    const rows = await t.db.kysely.selectFrom('download_requests').selectAll().execute();
    expect(JSON.stringify(rows)).not.toMatch(/198\.51\.100|2001:db8|66\.249/);
    now += 26 * hour;
    await downloads(long.id);
    expect(await t.db.kysely.selectFrom('download_requests').selectAll().execute()).toEqual([]);
    const salts = await t.db.kysely.selectFrom('analytics_salts').selectAll().execute();
    expect(salts.every((salt) => salt.day === new Date(now).toISOString().slice(0, 10))).toBe(true);
  });
});
