import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Browser, chromium, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Debian's Chromium, headless, with nothing of its own phoning home during a test. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    timeout: 30_000,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--mute-audio',
      // The test clicks play itself; this only keeps playlist auto-advance deterministic.
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

export interface Listening {
  origin: string;
  close(): Promise<void>;
}

function closer(server: Server) {
  return () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
}

/** A fetch handler on 127.0.0.1 and a free port; `fetch` is looked up per request, so it can come later. */
export function listenFetch(
  fetch: () => (request: Request) => Response | Promise<Response>,
): Promise<Listening> {
  return new Promise((resolve) => {
    const server = serve({ fetch: (request) => fetch()(request), port: 0, hostname: '127.0.0.1' }, (info) => {
      resolve({ origin: `http://127.0.0.1:${info.port}`, close: closer(server as Server) });
    }) as Server;
  });
}

/**
 * A partner's page on another origin: `localhost` rather than 127.0.0.1, so the player is a
 * cross-site iframe as it is on a municipality's site.
 */
export function hostPage(html: string): Promise<Listening> {
  return new Promise((resolve) => {
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(html);
    });
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ origin: `http://localhost:${port}`, close: closer(server) });
    });
  });
}

/**
 * A page in its own context (axe needs a page made by browser.newContext()); closing the page
 * with `close()` closes the context with it.
 */
export async function openPage(browser: Browser, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return { page, close: () => context.close() };
}

/** Adds every URL the page (and its frames) requests to `urls`, to prove none goes to a third origin. */
export function recordRequests(page: Page, urls: string[]): void {
  page.on('request', (request) => {
    urls.push(request.url());
  });
}

/** Polls `check` until it returns a truthy value or `timeoutMs` passes (then throws with `what`). */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T>,
  timeoutMs = 8000,
): Promise<Exclude<T, false | 0 | '' | null | undefined>> {
  const until = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < until) {
    last = await check();
    if (last) return last as Exclude<T, false | 0 | '' | null | undefined>;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}
