import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishableShow, readyEpisode } from './helpers/ready-episode.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

/* Every route that sends an ETag answers If-None-Match the same way (weak, lists, *). */
describe.each(testDatabases())('conditional requests on $name', (database) => {
  let t: TestApp;
  let enclosure: string;
  let data: Buffer;
  let pages: string[];

  beforeAll(async () => {
    t = await openTestApp(database);
    const show = await publishableShow(t, { slug: 'voorwaarden' });
    const episode = await readyEpisode(t, show.id, { title: 'Voorwaarden' }, 10_000);
    expect((await t.call('POST', `/api/v1/episodes/${episode.id}/publish`, { json: {} })).status).toBe(200);
    await t.worker.drain();
    enclosure = `/media/voorwaarden/${episode.slug}.mp3`;
    data = episode.data;
    pages = ['/feeds/voorwaarden.xml', enclosure, `/shows/voorwaarden/${episode.slug}`];
  });
  afterAll(async () => t.close());

  it('answers 304 to the tag, its weak form, a list holding it and *; 200 to another tag', async () => {
    for (const path of pages) {
      const first = await t.app.request(path);
      expect(first.status, path).toBe(200);
      const etag = first.headers.get('etag')!;
      expect(etag, path).toMatch(/^"[^"]+"$/);
      for (const header of [etag, `W/${etag}`, `"other", W/${etag}`, '*']) {
        const res = await t.app.request(path, { headers: { 'if-none-match': header } });
        expect(res.status, `${path} ${header}`).toBe(304);
        expect(res.headers.get('etag')).toBe(etag);
      }
      const stale = await t.app.request(path, { headers: { 'if-none-match': '"other", W/"older"' } });
      expect(stale.status, path).toBe(200);
    }
  });

  it('serves the range asked for only while If-Range names the current copy', async () => {
    const first = await t.app.request(enclosure);
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    for (const ifRange of [etag, lastModified]) {
      const part = await t.app.request(enclosure, { headers: { range: 'bytes=10-19', 'if-range': ifRange } });
      expect(part.status).toBe(206);
      expect(Buffer.from(await part.arrayBuffer()).equals(data.subarray(10, 20))).toBe(true);
    }
    // A weak tag, another tag or another date: the copy changed, so the whole file comes back.
    for (const ifRange of [`W/${etag}`, '"older"', 'Mon, 01 Jan 2001 00:00:00 GMT']) {
      const whole = await t.app.request(enclosure, {
        headers: { range: 'bytes=10-19', 'if-range': ifRange },
      });
      expect(whole.status, ifRange).toBe(200);
      expect(whole.headers.get('content-range')).toBeNull();
      expect(Buffer.from(await whole.arrayBuffer()).equals(data)).toBe(true);
    }
    // A current copy needs nothing, ranged or not (If-None-Match is evaluated before Range).
    const current = await t.app.request(enclosure, {
      headers: { range: 'bytes=10-19', 'if-none-match': etag },
    });
    expect(current.status).toBe(304);
  });
});
