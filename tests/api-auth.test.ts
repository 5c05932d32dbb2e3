import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRequiredRole } from '../src/http/middleware/authenticate.js';
import { itLeavesStorageConsistent } from './helpers/storage-consistency.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

const weaker = { viewer: null, editor: 'viewer', admin: 'editor' } as const;

describe.each(testDatabases())('every API route needs a token, on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(database);
  });
  afterAll(async () => t.close());

  /** Public by contract: search shows only what the public pages show. */
  const publicApi = new Set(['GET /api/v1/search']);

  function apiRoutes() {
    const seen = new Set<string>();
    return t.app.routes
      .filter((route) => route.method !== 'ALL' && route.path.startsWith('/api/'))
      .map((route) => ({
        method: route.method,
        path: route.path.replace(/:(\w+)/g, 'some-$1').replace(/\{(\w+)\}/g, 'some-$1'),
      }))
      .filter((route) => {
        const key = `${route.method} ${route.path}`;
        if (seen.has(key) || publicApi.has(key)) return false;
        seen.add(key);
        return true;
      });
  }

  it('finds the routes it walks', () => {
    const paths = apiRoutes().map((r) => `${r.method} ${r.path}`);
    expect(paths).toContain('GET /api/v1/shows');
    expect(paths).toContain('DELETE /api/v1/episodes/some-episodeId');
    expect(paths).toContain('POST /api/v1/tokens');
  });

  it('answers 401 without a token, with a wrong token, and 403 with too weak a role', async () => {
    for (const route of apiRoutes()) {
      const none = await t.call(route.method, route.path, { token: '' });
      expect(none.status, `${route.method} ${route.path} without token`).toBe(401);
      expect(none.headers.get('www-authenticate')).toContain('Bearer');
      const wrong = await t.call(route.method, route.path, { token: 'zt_not-a-real-token' });
      expect(wrong.status, `${route.method} ${route.path} with a wrong token`).toBe(401);
      const needed = defaultRequiredRole(route.method, route.path);
      const weak = weaker[needed];
      if (weak) {
        const res = await t.call(route.method, route.path, { token: await t.tokenFor(weak) });
        expect(res.status, `${route.method} ${route.path} as ${weak}`).toBe(403);
      }
    }
  });

  it('stores tokens only as a hash, and a revoked token stops working', async () => {
    const created = await (
      await t.call('POST', '/api/v1/tokens', { json: { name: 'ci', role: 'editor' } })
    ).json();
    expect(created.token).toMatch(/^zt_[A-Za-z0-9_-]{43}$/);
    const rows = await (await t.call('GET', '/api/v1/tokens')).json();
    expect(JSON.stringify(rows)).not.toContain(created.token);
    expect((await t.call('GET', '/api/v1/shows', { token: created.token })).status).toBe(200);
    expect((await t.call('DELETE', `/api/v1/tokens/${created.id}`)).status).toBe(204);
    expect((await t.call('GET', '/api/v1/shows', { token: created.token })).status).toBe(401);
  });

  it('keeps health, docs and the OpenAPI document public', async () => {
    expect((await t.app.request('/healthz')).status).toBe(200);
    const ready = await t.app.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', database: 'ok', storage: 'ok' });
    const doc = await (await t.app.request('/openapi.json')).json();
    expect(Object.keys(doc.paths)).toContain('/api/v1/shows/{showId}');
    expect(doc.components.schemas.ShowInput.required).toEqual(
      expect.arrayContaining(['title', 'description', 'author', 'owner']),
    );
    const docs = await t.app.request('/docs');
    expect(await docs.text()).toContain('/docs/assets/swagger-ui-bundle.js');
    expect((await t.app.request('/docs/assets/swagger-ui-bundle.js')).status).toBe(200);
    expect((await t.app.request('/docs/assets/..%2Fpackage.json')).status).toBe(404);
  });

  itLeavesStorageConsistent(() => t);
});
