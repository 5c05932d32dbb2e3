import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/common/ids.js';
import { createLogger } from '../src/common/logger.js';
import { insertWebhook } from '../src/db/repositories/webhooks-repository.js';
import { createDomainEvents } from '../src/domain/domain-events.js';
import { createGuardedFetch } from '../src/net/guarded-fetch.js';
import { createWebhooksService } from '../src/webhooks/webhooks-service.js';
import { publishableShow, readyEpisode } from './helpers/ready-episode.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

/** Something listening on 127.0.0.1: a refusal must come from zender, not from a closed port. */
async function listener() {
  let hits = 0;
  const server = createServer((_req, res) => {
    hits++;
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    hits: () => hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(testDatabases())('webhook targets (ALLOW_PRIVATE_URLS unset) on $name', (database) => {
  let t: TestApp;
  let inside: Awaited<ReturnType<typeof listener>>;

  beforeAll(async () => {
    t = await openTestApp(database);
    inside = await listener();
  });
  afterAll(async () => {
    await inside.close();
    await t.close();
  });

  it('refuses every spelling of an inside address at subscription, naming the reason', async () => {
    const show = await publishableShow(t, { slug: 'ssrf-aanmaken' });
    const port = inside.port;
    const cases: [string, RegExp][] = [
      [`http://127.0.0.1:${port}/`, /loopback/],
      [`http://localhost:${port}/`, /localhost/],
      [`http://sub.localhost:${port}/`, /localhost/],
      [`http://2130706433:${port}/`, /loopback/],
      [`http://0x7f.1:${port}/`, /loopback/],
      [`http://017700000001:${port}/`, /loopback/],
      [`http://127.1:${port}/`, /loopback/],
      [`http://[::1]:${port}/`, /loopback/],
      [`http://[::ffff:127.0.0.1]:${port}/`, /IPv4-mapped/],
      ['http://169.254.169.254/latest/meta-data/', /link-local/],
      ['http://10.1.2.3/hook', /private/],
      ['http://192.168.0.10/hook', /private/],
      ['http://100.64.1.1/hook', /carrier-grade NAT/],
      ['http://[fd00::5]/hook', /unique-local/],
      ['http://239.1.2.3/hook', /multicast/],
      ['http://0.0.0.0/hook', /unspecified/],
    ];
    for (const [url, reason] of cases) {
      const res = await t.call('POST', `/api/v1/shows/${show.id}/webhooks`, {
        json: { url, events: ['episode.published'] },
        headers: { 'accept-language': 'en' },
      });
      expect(res.status, url).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const body = await res.json();
      expect(body.code).toBe('url_not_public');
      expect(body.detail, url).toMatch(reason);
      expect(body.errors[0]).toMatchObject({ field: 'url', code: 'url_not_public' });
    }
    const dutch = await t.call('POST', `/api/v1/shows/${show.id}/webhooks`, {
      json: { url: 'http://169.254.169.254/', events: ['episode.published'] },
    });
    expect((await dutch.json()).detail).toContain('metadata-dienst');
    const listed = await (await t.call('GET', `/api/v1/shows/${show.id}/webhooks`)).json();
    expect(listed.items).toEqual([]);
    const publicHook = await t.call('POST', `/api/v1/shows/${show.id}/webhooks`, {
      json: { url: 'https://hooks.example.org/zender', events: ['episode.published'] },
    });
    expect(publicHook.status).toBe(201);
    expect(inside.hits()).toBe(0);
  });

  it('refuses at delivery a subscription made while private URLs were allowed, without connecting', async () => {
    const show = await publishableShow(t, { slug: 'ssrf-afleveren' });
    const webhookId = newId();
    // As stored by an earlier run with ALLOW_PRIVATE_URLS=true; this one runs without it.
    await insertWebhook(t.db.kysely, {
      id: webhookId,
      show_id: show.id,
      url: `http://localhost:${inside.port}/hook`,
      secret: `whsec_${Buffer.alloc(32, 7).toString('base64')}`,
      events: JSON.stringify(['episode.published']),
      channels: null,
      created_by: 'test',
      created_at: new Date().toISOString(),
    });
    const episode = await readyEpisode(t, show.id, { title: 'Binnendoor' });
    expect((await t.call('POST', `/api/v1/episodes/${episode.id}/publish`, { json: {} })).status).toBe(200);
    await t.worker.drain();

    const deliveries = (await (await t.call('GET', `/api/v1/webhooks/${webhookId}/deliveries`)).json()).items;
    expect(deliveries).toHaveLength(1);
    // Refused once and for good: retrying would only knock on the inside door again.
    expect(deliveries[0]).toMatchObject({ event: 'episode.published', status: 'failed', attempts: 1 });
    expect(deliveries[0].lastError).toMatch(/^refused: localhost is a localhost name, not a public address/);
    expect(deliveries[0].lastError).toContain('ALLOW_PRIVATE_URLS');
    expect(deliveries[0].lastError).not.toMatch(/ECONNREFUSED/);
    expect(inside.hits()).toBe(0);
  });

  it('refuses at delivery a public-looking name whose DNS answer is 127.0.0.1', async () => {
    const show = await publishableShow(t, { slug: 'ssrf-dns' });
    const resolved: string[] = [];
    const webhooks = createWebhooksService({
      db: t.db.kysely,
      queue: t.queue,
      clock: { now: () => new Date() },
      logger: createLogger({ level: 'silent' }),
      events: createDomainEvents(),
      // The DNS of an attacker's name: public for nobody, 127.0.0.1 when zender asks.
      fetch: createGuardedFetch({
        allowPrivate: false,
        resolve: async (name) => {
          resolved.push(name);
          return [{ address: '127.0.0.1', family: 4 }];
        },
      }),
    });
    const hook = await webhooks.create(
      show.id,
      { url: `http://hooks.example.net:${inside.port}/hook`, events: ['episode.published'] },
      'test',
    );
    const [deliveryId] = await webhooks.emit({
      showId: show.id,
      type: 'episode.published',
      data: { episode: { id: 'x' } },
    });
    await expect(webhooks.deliver(deliveryId)).rejects.toThrow(/refused/);
    const [delivery] = await webhooks.deliveries(hook.id);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1, lastStatus: null });
    expect(delivery.lastError).toBe(
      'refused: hooks.example.net (127.0.0.1) is a loopback address, not a public address (set ALLOW_PRIVATE_URLS=true to allow private addresses)',
    );
    expect(resolved).toEqual(['hooks.example.net']);
    expect(inside.hits()).toBe(0);
  });
});
