import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishableShow, readyEpisode } from './helpers/ready-episode.js';
import { type ServedApp, serveApp } from './helpers/serve-app.js';
import { itLeavesStorageConsistent } from './helpers/storage-consistency.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

const day = 24 * 3600 * 1000;
const newFeed = 'https://podcast.example.org/mensenrechten.xml';

describe.each(testDatabases())('a show moving away ($name)', (database) => {
  let t: TestApp;
  let served: ServedApp;
  let now = Date.now();
  let show: { id: string; slug: string };
  let episode: { id: string; data: Buffer };
  beforeAll(async () => {
    t = await openTestApp(database, { clock: { now: () => new Date(now) } });
    served = await serveApp(t);
    show = await publishableShow(t);
    episode = await readyEpisode(t, show.id);
    expect((await t.call('POST', `/api/v1/episodes/${episode.id}/publish`)).status).toBe(200);
    await t.worker.drain();
  });
  afterAll(async () => {
    await served.close();
    await t.close();
  });

  it('announces the new feed URL during the grace period, and the feed still answers', async () => {
    const redirectAfter = new Date(now + 7 * day).toISOString();
    const res = await t.call('PATCH', `/api/v1/shows/${show.id}`, {
      json: { movedTo: { feedUrl: newFeed, redirectAfter } },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      movedTo: { feedUrl: newFeed, redirectAfter },
      newFeedUrl: newFeed,
    });
    await t.worker.drain();
    const feed = await fetch(`${served.origin}/feeds/${show.slug}.xml`);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain(`<itunes:new-feed-url>${newFeed}</itunes:new-feed-url>`);
  });

  it('answers 301 to the new URL once the grace period is over; enclosures keep working', async () => {
    now += 8 * day;
    await t.worker.drain(); // the rebuild queued for the end of the grace period
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a polling process revalidates within a second
    for (const method of ['GET', 'HEAD']) {
      const res = await fetch(`${served.origin}/feeds/${show.slug}.xml`, { method, redirect: 'manual' });
      expect(res.status).toBe(301);
      expect(res.headers.get('location')).toBe(newFeed);
    }
    const audio = await t.app.request(`http://zender.test/media/${show.slug}/aflevering.mp3`);
    expect(audio.status).toBe(200);
    expect(Buffer.from(await audio.arrayBuffer()).equals(episode.data)).toBe(true);
  });

  it('refuses a move without a date or with unknown fields, naming them', async () => {
    const res = await t.call('PATCH', `/api/v1/shows/${show.id}`, {
      json: { movedTo: { feedUrl: newFeed, after: 'soon' } },
    });
    expect(res.status).toBe(400);
    const body = JSON.stringify(await res.json());
    expect(body).toContain('redirectAfter');
    expect(body).toContain('after');
  });

  it('coming back (movedTo: null) serves the feed here again', async () => {
    const res = await t.call('PATCH', `/api/v1/shows/${show.id}`, { json: { movedTo: null } });
    expect(await res.json()).toMatchObject({ movedTo: null, newFeedUrl: null });
    await t.worker.drain();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const feed = await fetch(`${served.origin}/feeds/${show.slug}.xml`, { redirect: 'manual' });
    expect(feed.status).toBe(200);
    expect(await feed.text()).not.toContain('itunes:new-feed-url');
  });

  itLeavesStorageConsistent(() => t);
});
