import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { publishableShow, readyEpisode } from './helpers/ready-episode.js';
import { itLeavesStorageConsistent } from './helpers/storage-consistency.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { type TestDatabase, testDatabases } from './helpers/test-databases.js';

/** A local receiver on 127.0.0.1 (port 0: the OS picks a free one); `answer` decides each status. */
async function receiver(answer: (attempt: number) => number | 'hang' = () => 204) {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = answer(received.length);
      if (status !== 'hang') res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/zender`,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function verify(secret: string, request: { headers: IncomingHttpHeaders; body: string }) {
  return new Webhook(secret).verify(request.body, request.headers as Record<string, string>) as {
    type: string;
    data: { draft?: { id: string; text: string; channel: string }; episode: { id: string; url: string } };
  };
}

/**
 * The container's app on a clock the test moves (retries wait for their backoff), with a short
 * delivery timeout. Its worker runs every queued job for real, not only the webhook ones.
 */
async function openHarness(database: TestDatabase) {
  let now = Date.now();
  const t = await openTestApp(database, {
    clock: { now: () => new Date(now) },
    webhookTimeoutMs: 300,
    // The receivers listen on 127.0.0.1: the ALLOW_PRIVATE_URLS=true of tests and intranets.
    allowPrivateUrls: true,
  });
  return {
    t,
    social: t.social,
    worker: t.worker,
    advance: (ms: number) => {
      now += ms;
    },
    /** Back to real time: receivers refuse signatures more than five minutes off. */
    resetClock: () => {
      now = Date.now();
    },
    async call(method: string, path: string, json?: unknown) {
      return t.call(method, path, { token: await t.tokenFor('editor'), json });
    },
  };
}

describe.each(testDatabases())('webhooks on $name', (database) => {
  let t: TestApp;
  let h: Awaited<ReturnType<typeof openHarness>>;

  beforeAll(async () => {
    h = await openHarness(database);
    t = h.t;
  });
  afterAll(async () => t.close());
  beforeEach(() => h.resetClock());

  /** A published show episode with its drafts made; returns the ids. */
  async function publishedWithDrafts(slug: string) {
    const show = await publishableShow(t, { slug });
    const episode = await readyEpisode(t, show.id, {
      title: `Aflevering van ${slug}`,
      summary: 'Over wonen.',
    });
    await t.call('POST', `/api/v1/episodes/${episode.id}/publish`, { json: {} });
    await h.social.drafts.generate(episode.id);
    const drafts = await h.social.drafts.list(episode.id);
    const draft = (channel: string) => drafts.find((d) => d.channel === channel)!;
    return { show, episode, draft };
  }

  async function subscribe(showId: string, body: Record<string, unknown>) {
    const res = await h.call('POST', `/api/v1/shows/${showId}/webhooks`, body);
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; secret: string };
  }

  async function deliveriesOf(webhookId: string) {
    return (await (await h.call('GET', `/api/v1/webhooks/${webhookId}/deliveries`)).json()).items as {
      status: string;
      attempts: number;
      lastStatus: number | null;
      lastError: string | null;
    }[];
  }

  it('subscribes with a secret shown once, lists without secrets, checks URLs, unsubscribes', async () => {
    const show = await publishableShow(t, { slug: 'abonnement' });
    for (const body of [
      { url: 'ftp://example.org/hook', events: ['draft.approved'] },
      { url: 'https://user:pw@example.org/hook', events: ['draft.approved'] },
      { url: 'https://example.org/hook', events: [] },
      { url: 'https://example.org/hook', events: ['episode.deleted'] },
      { url: 'https://example.org/hook', events: ['draft.approved'], channels: ['myspace'] },
    ]) {
      expect((await h.call('POST', `/api/v1/shows/${show.id}/webhooks`, body)).status).toBe(400);
    }
    const created = await subscribe(show.id, {
      url: 'https://example.org/hook',
      events: ['draft.approved', 'episode.published'],
      channels: ['x'],
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const listed = await (await h.call('GET', `/api/v1/shows/${show.id}/webhooks`)).json();
    expect(listed.items).toEqual([
      expect.objectContaining({
        id: created.id,
        events: ['draft.approved', 'episode.published'],
        channels: ['x'],
      }),
    ]);
    expect(JSON.stringify(listed)).not.toContain('whsec_');
    expect((await h.call('DELETE', `/api/v1/webhooks/${created.id}`)).status).toBe(204);
    expect((await h.call('DELETE', `/api/v1/webhooks/${created.id}`)).status).toBe(404);
    expect((await h.call('GET', '/api/v1/shows/nope/webhooks')).status).toBe(404);
  });

  it('delivers draft.approved signed the Standard Webhooks way; the draft becomes delivered', async () => {
    const target = await receiver();
    const { show, episode, draft } = await publishedWithDrafts('ondertekend');
    const hook = await subscribe(show.id, {
      url: target.url,
      events: ['draft.approved', 'episode.published'],
      channels: ['x'],
    });
    // Published twice more, now that someone listens: subscribers hear of the publication once.
    for (let i = 0; i < 2; i++)
      expect((await h.call('POST', `/api/v1/episodes/${episode.id}/publish`, {})).status).toBe(200);
    expect((await h.call('POST', `/api/v1/social-drafts/${draft('x').id}/approve`)).status).toBe(200);
    // Bluesky is not among the subscription's channels: approved, but nothing is sent.
    expect((await h.call('POST', `/api/v1/social-drafts/${draft('bluesky').id}/approve`)).status).toBe(200);
    await h.worker.drain();

    expect(target.received).toHaveLength(2);
    const events = target.received.map((request) => verify(hook.secret, request));
    expect(events.map((e) => e.type).sort()).toEqual(['draft.approved', 'episode.published']);
    const approved = events.find((e) => e.type === 'draft.approved')!;
    expect(approved.data.draft).toMatchObject({ id: draft('x').id, text: draft('x').text, channel: 'x' });
    expect(approved.data.episode.url).toBe(`${t.baseUrl}/shows/ondertekend/${episode.slug}`);
    expect(target.received[0].headers['content-type']).toBe('application/json');
    expect(() => verify(`whsec_${Buffer.alloc(32, 1).toString('base64')}`, target.received[0])).toThrow();

    const [x, bluesky] = await Promise.all([
      h.social.drafts.get(draft('x').id),
      h.social.drafts.get(draft('bluesky').id),
    ]);
    expect(x.status).toBe('delivered');
    expect(x.history.at(-1)).toMatchObject({ action: 'delivered', by: null });
    expect(bluesky.status).toBe('approved');
    expect((await h.call('POST', `/api/v1/social-drafts/${x.id}/reject`)).status).toBe(409);
    expect((await deliveriesOf(hook.id)).map((d) => [d.status, d.attempts, d.lastStatus])).toEqual([
      ['delivered', 1, 204],
      ['delivered', 1, 204],
    ]);
    await target.close();
  });

  it('a receiver that fails twice gets the delivery on the third try, re-signed each time', async () => {
    const target = await receiver((attempt) => (attempt <= 2 ? 500 : 200));
    const { show, draft } = await publishedWithDrafts('volhouden');
    const hook = await subscribe(show.id, { url: target.url, events: ['draft.approved'] });
    await h.call('POST', `/api/v1/social-drafts/${draft('linkedin').id}/approve`);

    await h.worker.drain();
    expect(target.received).toHaveLength(1);
    expect(await deliveriesOf(hook.id)).toEqual([
      expect.objectContaining({ status: 'pending', attempts: 1, lastStatus: 500, lastError: 'HTTP 500' }),
    ]);
    await h.worker.drain(); // the retry waits for its backoff
    expect(target.received).toHaveLength(1);
    for (let round = 0; round < 2; round++) {
      h.advance(30_000);
      await h.worker.drain();
    }
    expect(target.received).toHaveLength(3);
    const ids = new Set(target.received.map((r) => r.headers['webhook-id']));
    const stamps = new Set(target.received.map((r) => r.headers['webhook-timestamp']));
    expect([ids.size, stamps.size]).toEqual([1, 3]);
    for (const request of target.received) expect(verify(hook.secret, request).type).toBe('draft.approved');
    expect(await deliveriesOf(hook.id)).toEqual([
      expect.objectContaining({ status: 'delivered', attempts: 3, lastStatus: 200, lastError: null }),
    ]);
    expect((await h.social.drafts.get(draft('linkedin').id)).status).toBe('delivered');
    await target.close();
  });

  it('a dead or silent endpoint never blocks another subscription; it fails after five tries', async () => {
    const dead = await receiver();
    await dead.close(); // nothing listens on its port any more
    const silent = await receiver(() => 'hang');
    const alive = await receiver();
    const { show, draft } = await publishedWithDrafts('doorgaan');
    const deadHook = await subscribe(show.id, { url: dead.url, events: ['draft.approved'] });
    const silentHook = await subscribe(show.id, { url: silent.url, events: ['draft.approved'] });
    const aliveHook = await subscribe(show.id, { url: alive.url, events: ['draft.approved'] });
    await h.call('POST', `/api/v1/social-drafts/${draft('threads').id}/approve`);

    await h.worker.drain();
    expect(alive.received).toHaveLength(1);
    expect(verify(aliveHook.secret, alive.received[0]).data.draft?.id).toBe(draft('threads').id);
    expect((await deliveriesOf(aliveHook.id))[0]).toMatchObject({ status: 'delivered', attempts: 1 });
    expect((await deliveriesOf(deadHook.id))[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatus: null,
    });
    expect((await deliveriesOf(deadHook.id))[0].lastError).toMatch(/fetch failed|ECONNREFUSED/);
    expect((await deliveriesOf(silentHook.id))[0]).toMatchObject({
      status: 'pending',
      lastError: 'no answer within 0.3 s',
    });

    for (let round = 0; round < 6; round++) {
      h.advance(60_000);
      await h.worker.drain();
    }
    for (const hook of [deadHook, silentHook])
      expect((await deliveriesOf(hook.id))[0]).toMatchObject({ status: 'failed', attempts: 5 });
    expect(alive.received).toHaveLength(1);
    await Promise.all([silent.close(), alive.close()]);
  });

  it('does not send an approval that was withdrawn before delivery', async () => {
    const target = await receiver();
    const { show, draft } = await publishedWithDrafts('ingetrokken');
    const hook = await subscribe(show.id, { url: target.url, events: ['draft.approved', 'draft.rejected'] });
    await h.call('POST', `/api/v1/social-drafts/${draft('facebook').id}/approve`);
    await h.call('POST', `/api/v1/social-drafts/${draft('facebook').id}/reject`);
    await h.worker.drain();
    expect(target.received.map((r) => verify(hook.secret, r).type)).toEqual(['draft.rejected']);
    expect((await deliveriesOf(hook.id)).map((d) => d.status).sort()).toEqual(['cancelled', 'delivered']);
    await target.close();
  });

  it('tells subscribers again when an unpublished episode is published again, once per publication', async () => {
    const target = await receiver();
    const show = await publishableShow(t, { slug: 'opnieuw' });
    const episode = await readyEpisode(t, show.id, { title: 'Terug van weggeweest' });
    const created = await t.call('POST', `/api/v1/shows/${show.id}/webhooks`, {
      json: { url: target.url, events: ['episode.published'] },
    });
    const hook = (await created.json()) as { secret: string };
    const publish = () => t.call('POST', `/api/v1/episodes/${episode.id}/publish`, { json: {} });
    expect((await publish()).status).toBe(200);
    expect((await publish()).status).toBe(200); // the same publication: no second event
    await t.worker.drain();
    expect((await t.call('POST', `/api/v1/episodes/${episode.id}/unpublish`)).status).toBe(200);
    h.advance(1000); // a later moment: another publication
    expect((await publish()).status).toBe(200);
    await t.worker.drain();
    const events = target.received.map((request) => verify(hook.secret, request));
    expect(events.map((e) => [e.type, e.data.episode.id])).toEqual([
      ['episode.published', episode.id],
      ['episode.published', episode.id],
    ]);
    await target.close();
  });

  itLeavesStorageConsistent(() => t);
});
