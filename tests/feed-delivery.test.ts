import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedDelivery } from '../src/domain/feed-delivery.js';
import { showWithLargeFeed } from './helpers/large-feed.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

/** Counts the queries that read feed documents: whole documents, and etag checks. */
function feedQueryCounter() {
  const counts = { documents: 0, etags: 0 };
  const plugin: KyselyPlugin = {
    transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
      if (node.kind === 'SelectQueryNode' && JSON.stringify(node.from).includes('"feed_documents"')) {
        if (JSON.stringify(node.selections).includes('SelectAllNode')) counts.documents++;
        else counts.etags++;
      }
      return node;
    },
    async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      return result;
    },
  };
  return { plugin, counts };
}

describe.each(testDatabases())('feed delivery on $name', (database) => {
  let t: TestApp;
  let showId: string;
  beforeAll(async () => {
    t = await openTestApp(database);
    showId = (await showWithLargeFeed(t, 'samen-laden', 50)).id;
  }, 120_000);
  afterAll(async () => t?.close());

  it('loads each version once, however many polls ask at the same time', async () => {
    const { plugin, counts } = feedQueryCounter();
    let now = Date.parse('2026-01-01T00:00:00Z');
    const delivery = createFeedDelivery({
      db: t.db.kysely.withPlugin(plugin),
      clock: { now: () => new Date(now) },
      revalidateMs: 1000,
    });

    const first = await Promise.all(Array.from({ length: 30 }, () => delivery.get('samen-laden')));
    expect(new Set(first).size).toBe(1);
    expect(first[0]?.br.length).toBeGreaterThan(0);
    expect(counts).toEqual({ documents: 1, etags: 0 });

    // Within the revalidation time: from memory, no query.
    now += 500;
    await Promise.all(Array.from({ length: 30 }, () => delivery.get('samen-laden')));
    expect(counts).toEqual({ documents: 1, etags: 0 });

    // Later, unchanged: one etag check for all of them, the same feed.
    now += 1000;
    const same = await Promise.all(Array.from({ length: 30 }, () => delivery.get('samen-laden')));
    expect(same.every((feed) => feed === first[0])).toBe(true);
    expect(counts).toEqual({ documents: 1, etags: 1 });

    // Rebuilt: one check and one load, and every poll gets the new version.
    await t.call('PATCH', `/api/v1/shows/${showId}`, { json: { title: 'Samen laden, opnieuw' } });
    await t.worker.drain();
    now += 1000;
    const rebuilt = await Promise.all(Array.from({ length: 30 }, () => delivery.get('samen-laden')));
    expect(new Set(rebuilt).size).toBe(1);
    expect(rebuilt[0]?.etag).not.toBe(first[0]?.etag);
    expect(Buffer.from(rebuilt[0]!.xml).toString('utf8')).toContain('Samen laden, opnieuw');
    expect(counts).toEqual({ documents: 2, etags: 2 });
  });

  it('answers null for a feed that does not exist, and serves a stored document without bodies', async () => {
    const delivery = createFeedDelivery({ db: t.db.kysely, clock: { now: () => new Date() } });
    expect(await delivery.get('bestaat-niet')).toBeNull();
    // A document stored before compression moved into the rebuild job.
    await t.db.kysely
      .updateTable('feed_documents')
      .set({ gzip: null, br: null })
      .where('slug', '=', 'samen-laden')
      .execute();
    const feed = await delivery.get('samen-laden');
    expect(brotliDecompressSync(feed!.br)).toEqual(Buffer.from(feed!.xml));
    expect(gunzipSync(feed!.gzip)).toEqual(Buffer.from(feed!.xml));
  });
});
