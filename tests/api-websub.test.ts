import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishableShow, readyEpisode } from './helpers/ready-episode.js';
import { serveApp } from './helpers/serve-app.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { type TestDatabase, testDatabases } from './helpers/test-databases.js';

type Answer = number | 'drop';

/** A WebSub hub on 127.0.0.1 that records every request; `answer` decides each one (a status, or dropping the connection). */
async function hubReceiver() {
  const received: { method: string; headers: IncomingHttpHeaders; body: string }[] = [];
  let answer: (request: number) => Answer = () => 204;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const status = answer(received.length);
      if (status === 'drop') res.socket?.destroy();
      else res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hub`,
    received,
    answerWith(next: (request: number) => Answer) {
      answer = next;
    },
    /** The hub.url of each publish ping, in order. */
    pings: () =>
      received.map((r) => {
        const form = new URLSearchParams(r.body);
        expect(form.get('hub.mode')).toBe('publish');
        return form.get('hub.url');
      }),
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function pingJobs(t: TestApp) {
  const rows = await t.db.kysely
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', 'ping-websub-hub')
    .orderBy('created_at')
    .execute();
  const jobs = [];
  for (const { id } of rows) jobs.push(await (await t.call('GET', `/api/v1/jobs/${id}`)).json());
  return jobs as { status: string; attempts: number; errors: { message: string }[] }[];
}

describe.each(testDatabases())('WebSub ($name)', (database: TestDatabase) => {
  let hub: Awaited<ReturnType<typeof hubReceiver>>;
  let t: TestApp;
  let now = Date.now();
  let show: { id: string; slug: string; feedUrl: string };

  beforeAll(async () => {
    hub = await hubReceiver();
    t = await openTestApp(database, {
      clock: { now: () => new Date(now) },
      // The hub listens on 127.0.0.1: ALLOW_PRIVATE_URLS, as on an intranet.
      allowPrivateUrls: true,
      websubHubUrl: hub.url,
    });
    show = await publishableShow(t, { slug: 'websub' });
    await t.worker.drain();
  });
  afterAll(async () => {
    await t.close();
    await hub.close();
  });

  /** The feed as stored by the last rebuild (what apps get once the serving cache revalidates). */
  async function feed(): Promise<string> {
    const row = await t.db.kysely
      .selectFrom('feed_documents')
      .select('xml')
      .where('show_id', '=', show.id)
      .executeTakeFirstOrThrow();
    return row.xml;
  }

  it('publishing an episode pings the hub once: a form POST with hub.mode=publish and the feed URL', async () => {
    hub.received.length = 0;
    const episode = await readyEpisode(t, show.id, { title: 'Eerste aflevering' });
    expect((await t.call('POST', `/api/v1/episodes/${episode.id}/publish`, { json: {} })).status).toBe(200);
    await t.worker.drain();
    expect(hub.received).toHaveLength(1);
    expect(hub.received[0].method).toBe('POST');
    expect(hub.received[0].headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(hub.received[0].body).toBe(`hub.mode=publish&hub.url=${encodeURIComponent(show.feedUrl)}`);
    expect(await feed()).toContain('Eerste aflevering');
  });

  it('the feed names the hub next to rel="self", in the document and in its Link header', async () => {
    const answer = await t.app.request(show.feedUrl);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain(
      `<atom:link href="${show.feedUrl}" rel="self" type="application/rss+xml"/><atom:link href="${hub.url}" rel="hub"/>`,
    );
    const link = `<${hub.url}>; rel="hub", <${show.feedUrl}>; rel="self"`;
    expect(answer.headers.get('link')).toBe(link);
    // The same from the node-level path that answers polls from memory, for GET, HEAD and 304.
    const served = await serveApp(t);
    try {
      const url = `${served.origin}${new URL(show.feedUrl).pathname}`;
      const first = await fetch(url);
      expect(first.headers.get('link')).toBe(link);
      const etag = first.headers.get('etag')!;
      await first.arrayBuffer();
      expect((await fetch(url, { method: 'HEAD' })).headers.get('link')).toBe(link);
      const unchanged = await fetch(url, { headers: { 'if-none-match': etag } });
      expect(unchanged.status).toBe(304);
      expect(unchanged.headers.get('link')).toBe(link);
    } finally {
      await served.close();
    }
  });

  it('editing the show title pings again; a rebuild that changes nothing and reading the feed do not', async () => {
    hub.received.length = 0;
    const patched = await t.call('PATCH', `/api/v1/shows/${show.id}`, { json: { title: 'WebSub nieuw' } });
    expect(patched.status).toBe(200);
    await t.worker.drain();
    expect(hub.pings()).toEqual([show.feedUrl]);
    expect(await feed()).toContain('WebSub nieuw');

    await t.queue.enqueue('rebuild-feed', { showId: show.id });
    await t.worker.drain();
    for (let i = 0; i < 3; i++) expect((await t.app.request(show.feedUrl)).status).toBe(200);
    await t.worker.drain();
    expect(hub.pings()).toEqual([show.feedUrl]);
  });

  it('a hub that is down never holds up publishing; the ping is tried again with back-off until it lands', async () => {
    hub.received.length = 0;
    hub.answerWith((request) => (request === 1 ? 'drop' : request === 2 ? 503 : 204));
    const episode = await readyEpisode(t, show.id, { title: 'Tijdens de storing' });
    expect((await t.call('POST', `/api/v1/episodes/${episode.id}/publish`, { json: {} })).status).toBe(200);
    await t.worker.drain();
    // The feed is out, with the episode, though the hub was not reached.
    expect(await feed()).toContain('Tijdens de storing');
    expect(hub.received).toHaveLength(1);
    const [waiting] = (await pingJobs(t)).filter((job) => job.status !== 'done');
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
    expect(waiting.errors[0].message).toMatch(/socket hang up|ECONNRESET|other side closed/);

    await t.worker.drain(); // the retry waits for its back-off
    expect(hub.received).toHaveLength(1);
    now += 30_000;
    await t.worker.drain();
    expect(hub.received).toHaveLength(2); // 503: again later
    now += 30_000;
    await t.worker.drain();
    expect(hub.pings()).toEqual([show.feedUrl, show.feedUrl, show.feedUrl]);
    const jobs = await pingJobs(t);
    expect(jobs.at(-1)).toMatchObject({ status: 'done', attempts: 3 });
    expect(jobs.at(-1)!.errors.map((e) => e.message)).toEqual([
      expect.stringContaining(hub.url),
      expect.stringContaining('HTTP 503'),
    ]);
    hub.answerWith(() => 204);
  });

  it('a feed built before the hub was configured is rebuilt at start, and the hub hears of it', async () => {
    hub.received.length = 0;
    // As a feed stored by a zender without WEBSUB_HUB_URL looks.
    const stored = await t.db.kysely
      .selectFrom('feed_documents')
      .select('xml')
      .where('show_id', '=', show.id)
      .executeTakeFirstOrThrow();
    await t.db.kysely
      .updateTable('feed_documents')
      .set({
        hub_url: null,
        xml: stored.xml.replace(/<atom:link href="[^"]*" rel="hub"\/>/, ''),
        etag: 'before',
      })
      .where('show_id', '=', show.id)
      .execute();
    expect(await t.websub.rebuildFeedsOfOtherHub()).toBe(1);
    await t.worker.drain();
    expect(await feed()).toContain(`<atom:link href="${hub.url}" rel="hub"/>`);
    expect(hub.pings()).toEqual([show.feedUrl]);
    expect(await t.websub.rebuildFeedsOfOtherHub()).toBe(0);
  });
});

describe.each(testDatabases())('WebSub without ALLOW_PRIVATE_URLS ($name)', (database) => {
  it('refuses to ping a hub on a private address (outbound guard) and gives up at once; publishing is unaffected', async () => {
    const hub = await hubReceiver();
    const t = await openTestApp(database, { websubHubUrl: hub.url });
    try {
      const show = await publishableShow(t, { slug: 'websub-dicht' });
      const episode = await readyEpisode(t, show.id, { title: 'Binnenshuis' });
      expect((await t.call('POST', `/api/v1/episodes/${episode.id}/publish`, { json: {} })).status).toBe(200);
      await t.worker.drain();
      expect(await (await t.app.request(show.feedUrl)).text()).toContain('Binnenshuis');
      expect(hub.received).toHaveLength(0);
      const jobs = await pingJobs(t);
      expect(jobs.length).toBeGreaterThan(0);
      for (const job of jobs) {
        expect(job).toMatchObject({ status: 'failed', attempts: 1 });
        expect(job.errors[0].message).toMatch(
          /refused: 127\.0\.0\.1 is a loopback address.*ALLOW_PRIVATE_URLS/,
        );
      }
    } finally {
      await t.close();
      await hub.close();
    }
  });

  it('names no hub and queues no ping when WEBSUB_HUB_URL is unset', async () => {
    const t = await openTestApp(database);
    try {
      const show = await publishableShow(t, { slug: 'websub-uit' });
      await t.worker.drain();
      const answer = await t.app.request(show.feedUrl);
      expect(answer.headers.get('link')).toBeNull();
      expect(await answer.text()).not.toContain('rel="hub"');
      expect(await pingJobs(t)).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
