import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FeedFixtureServer, startFeedFixtureServer } from './helpers/feed-fixture-server.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

let feeds: FeedFixtureServer;
beforeAll(async () => {
  feeds = await startFeedFixtureServer();
});
afterAll(async () => feeds.close());

/** Starts an import, runs its job, and answers the show it made or updated. */
async function importShow(t: TestApp, feedUrl: string): Promise<Record<string, any>> {
  const started = await t.call('POST', '/api/v1/imports', { json: { feedUrl } });
  expect(started.status).toBe(202);
  const { id } = (await started.json()) as { id: string };
  await t.worker.drain();
  const result = await (await t.call('GET', `/api/v1/imports/${id}`)).json();
  expect(result).toMatchObject({ status: 'done', problems: [] });
  return (await t.call('GET', `/api/v1/shows/${result.showId}`)).json();
}

const podlove = () => readFileSync(new URL('./fixtures/feeds/podlove-style.xml', import.meta.url), 'utf8');

describe.each(testDatabases())('the channel tags of an imported feed ($name)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(database, { allowPrivateUrls: true });
  });
  afterAll(async () => t.close());

  it('come along, held to the rules the API holds them to', async () => {
    const show = await importShow(t, feeds.feedUrl('podlove-style.xml'));
    expect(show).toMatchObject({
      block: false,
      complete: true,
      // SPDX writes the id in capitals; the namespace and zender in lower case.
      license: 'cc-by-sa-4.0',
      location: { name: 'Amsterdam', geo: 'geo:52.3676,4.9041', osm: 'R271110' },
      // A relative feed URL made absolute; the entry without a valid guid left out.
      podroll: [
        {
          feedGuid: '917393e3-1b1e-5cef-ace4-edaa54e1f810',
          feedUrl: `${feeds.origin}/pc20.xml`,
          title: 'Podcasting 2.0',
        },
      ],
      updateFrequency: null,
    });
  });

  it('carry a license of its own and itunes:block, and follow the feed when its tags change', async () => {
    const tagged = podlove()
      .replace('Archief Verteld', 'Archief Getagd')
      .replace(
        '<podcast:license>CC-BY-SA-4.0</podcast:license>',
        '<podcast:license url="https://provincie.example/licentie">provincie-open</podcast:license><itunes:block>yes</itunes:block>',
      );
    feeds.override('/feeds/tagged.xml', tagged);
    const show = await importShow(t, feeds.feedUrl('tagged.xml'));
    expect(show).toMatchObject({
      block: true,
      license: { name: 'provincie-open', url: 'https://provincie.example/licentie' },
    });
    const subscribe = { apple: 'https://podcasts.apple.com/nl/podcast/id1' };
    expect((await t.call('PATCH', `/api/v1/shows/${show.id}`, { json: { subscribe } })).status).toBe(200);
    // The old feed drops its tags: the next import takes them away here too.
    const untagged = tagged
      .replace(/<itunes:(block|complete)>[^<]*<\/itunes:\1>/g, '')
      .replace(
        /<podcast:(license|location)[^>]*>[^<]*<\/podcast:\1>|<podcast:podroll>[\s\S]*<\/podcast:podroll>/g,
        '',
      );
    feeds.override('/feeds/tagged.xml', untagged);
    const again = await importShow(t, feeds.feedUrl('tagged.xml'));
    expect(again.id).toBe(show.id);
    expect(again).toMatchObject({
      block: false,
      complete: false,
      license: null,
      location: null,
      podroll: [],
    });
    // What zender keeps of its own (the subscribe links) stays.
    expect(again.subscribe).toEqual(subscribe);
  });
});
