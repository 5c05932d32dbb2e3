import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { id3TagSize } from '../src/analytics/byte-coverage.js';
import { newId } from '../src/common/ids.js';
import type { EnclosureRequest } from '../src/domain/download-recorder.js';
import { publishedMp3Episode } from './helpers/counted-audio.js';
import { publishableShow } from './helpers/ready-episode.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

const podcasts = 'Podcasts/1650.20 CFNetwork/1568.100.1 Darwin/24.0.0';
const chrome =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const minute = 60_000;

/**
 * The fold across its own runs: requests recorded by the real recorder (as the media route
 * records them), folded through the API at the moments a test chooses, read back as reports. The
 * listeners here are the ones a single pass cannot settle, whose requests are weighed one by one.
 */
describe.each(testDatabases())('folding downloads over time ($name)', (database) => {
  let t: TestApp;
  let now = Date.parse('2026-05-04T08:00:00.000Z');
  let episode: Awaited<ReturnType<typeof publishedMp3Episode>>;
  let size: number;
  let seconds: (from: number, to: number) => { start: number; end: number };

  beforeAll(async () => {
    t = await openTestApp(database, { clock: { now: () => new Date(now) } });
    const show = await publishableShow(t, { slug: 'vouwen' });
    episode = await publishedMp3Episode(t, show.id, 'Een uur', 3600);
    size = episode.bytes.length;
    const audioStart = id3TagSize(episode.bytes);
    const perSecond = (size - audioStart) / 3600;
    seconds = (from, to) => ({
      start: Math.floor(audioStart + from * perSecond),
      end: Math.floor(audioStart + to * perSecond) - 1,
    });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  function record(address: string, request: Partial<EnclosureRequest>) {
    t.analytics.recorder.record({
      ...{ episodeId: episode.id, method: 'GET', status: 206, fileSize: size, address },
      ...{ userAgent: podcasts, webPlayer: false, range: { start: 0, end: size - 1 } },
      ...request,
    });
  }

  /** Folds a few seconds later (past the fold's margin) and answers the fold and the episode's report. */
  async function fold() {
    await t.analytics.recorder.flush();
    now += 5000;
    const result = await (await t.call('POST', '/api/v1/downloads/fold')).json();
    const report = await (
      await t.call(
        'GET',
        `/api/v1/episodes/${episode.id}/downloads?groupBy=app&from=2026-05-01&to=2026-05-31`,
      )
    ).json();
    return { result, report: report as { total: number; items: { label: string; downloads: number }[] } };
  }

  it('ranges that reach a minute only over two folds make one download, at the second', async () => {
    const before = (await fold()).report.total;
    record('198.51.100.1', { range: seconds(0, 40) });
    expect((await fold()).report.total).toBe(before);
    now += 10 * minute;
    record('198.51.100.1', { range: seconds(300, 340) });
    expect((await fold()).report.total).toBe(before + 1);
  });

  it('a listener who fetches the file again after a fold is not counted again that day', async () => {
    const before = (await fold()).report.total;
    record('198.51.100.2', { status: 200 });
    expect((await fold()).report.total).toBe(before + 1);
    now += 120 * minute;
    record('198.51.100.2', { status: 200 });
    record('198.51.100.2', { range: seconds(0, 90) });
    expect((await fold()).report.total).toBe(before + 1);
  });

  it("a probe from zender's player makes the browser's whole-file download a web player one", async () => {
    const before = (await fold()).report;
    const web = (report: typeof before) => report.items.find((i) => i.label === 'web player')?.downloads ?? 0;
    record('198.51.100.3', { userAgent: chrome, webPlayer: true, range: { start: 0, end: 1 } });
    now += 1000;
    record('198.51.100.3', { userAgent: chrome, status: 200 });
    const after = (await fold()).report;
    expect(after.total).toBe(before.total + 1);
    expect(web(after)).toBe(web(before) + 1);
  });

  it('a file replaced while it is listened to starts its minute afresh', async () => {
    const before = (await fold()).report.total;
    record('198.51.100.4', { fileSize: size + 4096, range: seconds(0, 40) });
    record('198.51.100.4', { range: seconds(40, 80) });
    expect((await fold()).report.total).toBe(before);
    record('198.51.100.4', { range: seconds(80, 110) });
    expect((await fold()).report.total).toBe(before + 1);
  });

  it('a backlog of two days is folded at once, each download on its own day', async () => {
    await fold();
    record('198.51.100.5', { status: 200 });
    now = Date.parse('2026-05-05T09:00:00.000Z');
    record('198.51.100.5', { status: 200 });
    record('198.51.100.6', { range: seconds(0, 30) });
    record('198.51.100.6', { range: seconds(30, 61) });
    await t.analytics.recorder.flush();
    const { result } = await fold();
    expect(result).toMatchObject({ requests: 4, downloads: 3 });
    const days = await (
      await t.call('GET', `/api/v1/episodes/${episode.id}/downloads?from=2026-05-04&to=2026-05-05`)
    ).json();
    expect(days.items.at(-1)).toEqual({ key: '2026-05-05', label: '2026-05-05', downloads: 2 });
  });

  it('a request an older zender recorded during an upgrade (without its countable bytes) still counts', async () => {
    const before = (await fold()).report.total;
    record('198.51.100.8', { status: 200 });
    await t.analytics.recorder.flush();
    await t.db.kysely.updateTable('download_requests').set({ countable_bytes: null }).execute();
    expect((await fold()).report.total).toBe(before + 1);
  });

  it('requests for an episode that is gone are folded, and counted nowhere', async () => {
    await fold();
    record('198.51.100.7', { episodeId: newId(), status: 200 });
    record('198.51.100.7', { status: 200 });
    const { result } = await fold();
    expect(result).toMatchObject({ requests: 2, downloads: 1 });
  });
});
