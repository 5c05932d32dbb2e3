import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostPage, type Listening, launchBrowser, openPage } from './helpers/browser.js';
import { type ServedApp, serveApp } from './helpers/serve-app.js';
import { minimalShow, openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

/**
 * A staff tool on another origin calls the API from the browser: CORS_ORIGINS lists the origins
 * that may, the preflight (which never carries the token) is answered before authentication,
 * and an origin not on the list gets nothing a browser would accept.
 */
describe('CORS for browser clients on another origin', () => {
  let allowedPage: Listening;
  let otherPage: Listening;
  let t: TestApp;
  let served: ServedApp;
  let browser: Browser;
  let token: string;

  beforeAll(async () => {
    allowedPage = await hostPage('<!doctype html><title>redactie</title>');
    otherPage = await hostPage('<!doctype html><title>elders</title>');
    t = await openTestApp(testDatabases()[0], { corsOrigins: [allowedPage.origin] });
    served = await serveApp(t);
    token = await t.tokenFor('editor');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await t?.close();
    await allowedPage?.close();
    await otherPage?.close();
  });

  const preflight = (origin: string, path = '/api/v1/shows') =>
    fetch(`${served.origin}${path}`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });

  it('answers a preflight from a listed origin with 204 and the allow headers, without a token', async () => {
    const response = await preflight(allowedPage.origin);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(allowedPage.origin);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    const allowHeaders = response.headers.get('access-control-allow-headers')!.toLowerCase();
    expect(allowHeaders).toContain('authorization');
    expect(allowHeaders).toContain('upload-metadata');
  });

  it('gives an origin not on the list no allow headers, on the preflight and on the answer', async () => {
    const response = await preflight(otherPage.origin, '/api/v1/uploads');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    // tus would answer `*` on its own: the list decides, not the handler.
    const created = await fetch(`${served.origin}/api/v1/uploads`, {
      method: 'POST',
      headers: {
        origin: otherPage.origin,
        authorization: `Bearer ${token}`,
        'tus-resumable': '1.0.0',
        'upload-length': '10',
        'upload-metadata': `episodeId ${Buffer.from('nope').toString('base64')}`,
      },
    });
    expect(created.status).toBe(404);
    expect(created.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('still asks for the token on everything but the preflight, readable by a listed origin', async () => {
    const response = await fetch(`${served.origin}/api/v1/shows`, {
      headers: { origin: allowedPage.origin },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe(allowedPage.origin);
    // A plain OPTIONS (tus discovery) is no preflight: it goes to authentication like any request.
    const discovery = await fetch(`${served.origin}/api/v1/uploads`, { method: 'OPTIONS' });
    expect(discovery.status).toBe(401);
    const withToken = await fetch(`${served.origin}/api/v1/uploads`, {
      method: 'OPTIONS',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(withToken.headers.get('tus-version')).toContain('1.0.0');
  });

  it('lets a page on a listed origin create a show and read its Location; another origin is blocked', async () => {
    const script = async ({ api, token, show }: { api: string; token: string; show: unknown }) => {
      try {
        const response = await fetch(`${api}/api/v1/shows`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(show),
        });
        const body = await response.json();
        return { status: response.status, location: response.headers.get('location'), slug: body.slug };
      } catch (error) {
        return { error: String(error) };
      }
    };
    const allowed = await openPage(browser, { width: 800, height: 600 });
    const other = await openPage(browser, { width: 800, height: 600 });
    try {
      await allowed.page.goto(allowedPage.origin);
      const result = await allowed.page.evaluate(script, {
        api: served.origin,
        token,
        show: { ...minimalShow, slug: 'cors-redactie' },
      });
      expect(result).toMatchObject({ status: 201, slug: 'cors-redactie' });
      expect((result as { location: string }).location).toMatch(/^\/api\/v1\/shows\/.+/);

      await other.page.goto(otherPage.origin);
      const refused = await other.page.evaluate(script, {
        api: served.origin,
        token,
        show: { ...minimalShow, slug: 'cors-elders' },
      });
      expect(refused).toMatchObject({ error: expect.stringMatching(/Failed to fetch/) });
      // The preflight failed, so the POST never reached the API.
      const list = await t.call('GET', '/api/v1/shows');
      const slugs = ((await list.json()) as { items: { slug: string }[] }).items.map((show) => show.slug);
      expect(slugs).toEqual(['cors-redactie']);
    } finally {
      await allowed.close();
      await other.close();
    }
  });
});
