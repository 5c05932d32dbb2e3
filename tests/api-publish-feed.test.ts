import { existsSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishableShow, readyEpisode } from './helpers/ready-episode.js';
import { itLeavesStorageConsistent } from './helpers/storage-consistency.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

describe.each(testDatabases())('publishing, feeds and enclosures on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(database);
  });
  afterAll(async () => t.close());

  it('refuses to publish with the list of Apple rule problems', async () => {
    const show = await (
      await t.call('POST', '/api/v1/shows', {
        json: { title: 'Kaal', description: 'x', author: 'a', owner: { email: 'a@example.nl' } },
      })
    ).json();
    const episode = await readyEpisode(t, show.id);
    const res = await t.call('POST', `/api/v1/episodes/${episode.id}/publish`, { json: {} });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.errors.map((e: { code: string }) => e.code).sort()).toEqual([
      'artwork_missing',
      'category_missing',
    ]);
    const check = await (await t.call('GET', `/api/v1/shows/${show.id}/feed-check`)).json();
    expect(check.ok).toBe(false);
    expect(
      check.problems.some(
        (p: { level: string; code: string }) => p.level === 'warning' && p.code === 'link_missing',
      ),
    ).toBe(true);
  });

  it('publishes a ready episode: the feed appears, parseable, with a stable enclosure', async () => {
    const show = await publishableShow(t, { slug: 'feed-show', txtVerify: ['zender-verify-123'] });
    const draft = await (
      await t.call('POST', `/api/v1/shows/${show.id}/episodes`, { json: { title: 'Nog niet klaar' } })
    ).json();
    expect((await t.call('POST', `/api/v1/episodes/${draft.id}/publish`, { json: {} })).status).toBe(409);

    const episode = await readyEpisode(t, show.id, {
      title: 'Wethouder <Jansen> & "armoede" ]]>',
      summary: 'Over armoede.',
    });
    const res = await t.call('POST', `/api/v1/episodes/${episode.id}/publish`, { json: {} });
    expect(res.status).toBe(200);
    const published = (await res.json()).episode;
    expect(published.status).toBe('published');
    await t.worker.drain();

    const feedRes = await t.app.request('/feeds/feed-show.xml');
    expect(feedRes.status).toBe(200);
    expect(feedRes.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const xml = await feedRes.text();
    const feed = await new Parser().parseString(xml);
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0].title).toBe('Wethouder <Jansen> & "armoede" ]]>');
    expect(feed.items[0].enclosure?.url).toBe(`${t.baseUrl}/media/feed-show/${episode.slug}.mp3`);
    expect(feed.items[0].enclosure?.length).toBe(String(episode.data.length));
    expect(xml).toContain('<podcast:guid>');
    expect(xml).toMatch(/<podcast:txt purpose="verify">zender-verify-123<\/podcast:txt>/);
    expect(xml).toContain('<itunes:category text="Government"');

    // The URL and guid stay when the title and slug change.
    await t.call('PATCH', `/api/v1/episodes/${episode.id}`, {
      json: { slug: 'nieuwe-naam', title: 'Nieuwe titel' },
    });
    await t.worker.drain();
    await new Promise((r) => setTimeout(r, 1100)); // the feed cache revalidates each second
    const again = await new Parser().parseString(await (await t.app.request('/feeds/feed-show.xml')).text());
    expect(again.items[0].title).toBe('Nieuwe titel');
    expect(again.items[0].enclosure?.url).toBe(feed.items[0].enclosure?.url);
    expect(again.items[0].guid).toBe(feed.items[0].guid);
  });

  it('answers conditional and compressed feed requests', async () => {
    const first = await t.app.request('/feeds/feed-show.xml');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const notModified = await t.app.request('/feeds/feed-show.xml', { headers: { 'if-none-match': etag } });
    expect(notModified.status).toBe(304);
    // What a cache needs to refresh its copy (RFC 9110 15.4.5), and no body.
    expect(notModified.headers.get('etag')).toBe(etag);
    expect(notModified.headers.get('cache-control')).toBe('public, max-age=300');
    expect(notModified.headers.get('vary')).toBe('Accept-Encoding');
    expect(await notModified.text()).toBe('');
    const lastModified = first.headers.get('last-modified')!;
    expect(
      (await t.app.request('/feeds/feed-show.xml', { headers: { 'if-modified-since': lastModified } }))
        .status,
    ).toBe(304);
    const gz = await t.app.request('/feeds/feed-show.xml', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(await first.text());
    const br = await t.app.request('/feeds/feed-show.xml', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    const head = await t.app.request('/feeds/feed-show.xml', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await t.app.request('/feeds/nope.xml')).status).toBe(404);
  });

  it('serves the enclosure with ranges, HEAD and 416, and records downloads without IPs', async () => {
    const show = await publishableShow(t, { slug: 'range-show' });
    const episode = await readyEpisode(t, show.id, { title: 'Bereik' }, 10_000);
    await t.call('POST', `/api/v1/episodes/${episode.id}/publish`, { json: {} });
    const url = `/media/range-show/${episode.slug}.mp3`;

    const probe = await t.app.request(url, {
      headers: { range: 'bytes=0-1', 'user-agent': 'AppleCoreMedia/1.0' },
    });
    expect(probe.status).toBe(206);
    expect(probe.headers.get('content-range')).toBe('bytes 0-1/10000');
    expect(probe.headers.get('content-length')).toBe('2');
    expect([...new Uint8Array(await probe.arrayBuffer())]).toEqual([episode.data[0], episode.data[1]]);

    const tail = await t.app.request(url, { headers: { range: 'bytes=9990-' } });
    expect(Buffer.from(await tail.arrayBuffer()).equals(episode.data.subarray(9990))).toBe(true);

    const full = await t.app.request(url);
    expect(full.status).toBe(200);
    expect(full.headers.get('accept-ranges')).toBe('bytes');
    expect(full.headers.get('content-type')).toBe('audio/mpeg');
    expect(Buffer.from(await full.arrayBuffer()).equals(episode.data)).toBe(true);

    const head = await t.app.request(url, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe('10000');
    expect((await t.app.request(url, { headers: { range: 'bytes=10000-' } })).status).toBe(416);

    await t.analytics.recorder.flush();
    const events = await t.db.kysely
      .selectFrom('download_requests')
      .selectAll()
      .where('episode_id', '=', episode.id)
      .execute();
    // Every request is recorded with what was served: the probe, the tail, the whole, HEAD, 416.
    expect(events.map((e) => `${e.method} ${e.status}`).sort()).toEqual(
      ['GET 200', 'GET 206', 'GET 206', 'GET 416', 'HEAD 200'].sort(),
    );
    expect(
      events.some(
        (e) =>
          e.user_agent === 'AppleCoreMedia/1.0' && Number(e.range_start) === 0 && Number(e.range_end) === 1,
      ),
    ).toBe(true);
    expect(JSON.stringify(events)).not.toMatch(/\d+\.\d+\.\d+\.\d+/);
  });

  it('keeps unpublished and draft audio private', async () => {
    const show = await publishableShow(t, { slug: 'private-show' });
    const episode = await readyEpisode(t, show.id, { title: 'Geheim' });
    expect((await t.app.request(`/media/private-show/${episode.slug}.mp3`)).status).toBe(404);
    await t.call('POST', `/api/v1/episodes/${episode.id}/publish`, { json: {} });
    expect((await t.app.request(`/media/private-show/${episode.slug}.mp3`)).status).toBe(200);
    await t.call('POST', `/api/v1/episodes/${episode.id}/unpublish`, { json: {} });
    expect((await t.app.request(`/media/private-show/${episode.slug}.mp3`)).status).toBe(404);
    expect((await t.app.request('/media/private-show/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
  });

  it('schedules an episode and a job publishes it when due', async () => {
    const show = await publishableShow(t, { slug: 'scheduled-show' });
    const episode = await readyEpisode(t, show.id, { title: 'Later' });
    const publishAt = new Date(Date.now() + 2500).toISOString();
    const res = await (
      await t.call('POST', `/api/v1/episodes/${episode.id}/publish`, { json: { publishAt } })
    ).json();
    expect(res.episode.status).toBe('scheduled');
    expect((await t.app.request(`/media/scheduled-show/${episode.slug}.mp3`)).status).toBe(404);
    // No restart, no request: the queued job flips it once the time has come.
    let status = 'scheduled';
    for (let i = 0; i < 100 && status !== 'published'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      await t.worker.drain();
      status = (await (await t.call('GET', `/api/v1/episodes/${episode.id}`)).json()).status;
      if (status === 'published') expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(publishAt) - 1000);
    }
    expect(status).toBe('published');
  });

  it('withdraws the feed and every file when a show is deleted', async () => {
    const show = await publishableShow(t, { slug: 'weg-ermee' });
    const episode = await readyEpisode(t, show.id, { title: 'Laatste' });
    await t.call('POST', `/api/v1/episodes/${episode.id}/publish`, { json: {} });
    await t.worker.drain();
    expect((await t.app.request('/feeds/weg-ermee.xml')).status).toBe(200);
    expect((await t.call('DELETE', `/api/v1/shows/${show.id}`)).status).toBe(204);
    await t.worker.drain();
    await new Promise((r) => setTimeout(r, 1100)); // the served feed revalidates each second
    expect((await t.app.request('/feeds/weg-ermee.xml')).status).toBe(404);
    expect(existsSync(path.join(t.dir, 'feeds', 'weg-ermee.xml'))).toBe(false);
    expect(await t.store.list(`episodes/${episode.id}/`)).toEqual([]);
    expect(await t.store.list(`shows/${show.id}/`)).toEqual([]);
    const files = await t.db.kysely
      .selectFrom('media_files')
      .select('key')
      .where((eb) => eb.or([eb('episode_id', '=', episode.id), eb('show_id', '=', show.id)]))
      .execute();
    expect(files).toEqual([]);
  });

  it('answers an old feed slug with 301 to the new one', async () => {
    const show = await publishableShow(t, { slug: 'oude-naam' });
    await t.call('PATCH', `/api/v1/shows/${show.id}`, { json: { slug: 'nieuwe-naam' } });
    await t.worker.drain();
    const res = await t.app.request('/feeds/oude-naam.xml');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/feeds/nieuwe-naam.xml');
  });

  itLeavesStorageConsistent(() => t);
});
