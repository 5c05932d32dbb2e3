import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { transformWithOxc } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../tests/helpers/browser.js';
import { askTwitterText } from '../../tests/helpers/twitter-text-oracle.js';

// The staff interface serves these same modules to the browser for its live counter: they must
// load there as plain ES modules (no Node API) and count exactly as twitter-text does.
const texts = [
  'Nieuwe aflevering: Wonen is een recht 🎙️ met Jan Jansen https://zender.example/a?utm_source=x #wonen',
  '👩‍👩‍👧‍👦 🇳🇱 1️⃣ 👍🏽 🏳️‍🌈 🏴󠁧󠁢󠁳󠁣󠁴󠁿 ❤︎ © ©️',
  '日本語のテキスト 한국어 مرحبا Ĳsselmeer e\u0301e\u0301n',
  'Zie vng.nl/nieuws, http://bücher.de en https://t.co/abc123/x @vng #日本 $ABC',
  `${'x'.repeat(270)} https://example.org/${'a'.repeat(200)}`,
  ']]> \u0000 \uFEFF',
];

let browser: Browser;
let origin: string;
let close: () => Promise<void>;

beforeAll(async () => {
  const server = createServer(async (request, response) => {
    const name = /^\/([a-z-]+)\.js$/.exec(request.url ?? '')?.[1];
    if (!name) {
      response.writeHead(name === undefined && request.url === '/' ? 200 : 404, {
        'content-type': 'text/html',
      });
      response.end('<!doctype html><title>teller</title>');
      return;
    }
    const source = await readFile(new URL(`./${name}.ts`, import.meta.url), 'utf8');
    const { code } = await transformWithOxc(source, `${name}.ts`);
    response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
    response.end(code);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await close?.();
});

describe('weighted-length.ts in Chromium', () => {
  it('loads as an ES module and counts as twitter-text does', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    // A string, so that vitest does not rewrite the page's own dynamic imports.
    const counted = (await page.evaluate(`(async () => {
      const { weightedLength } = await import('/weighted-length.js');
      const { extractTweetEntities } = await import('/tweet-entities.js');
      return ${JSON.stringify(texts)}.map((text) => ({ ...weightedLength(text), entities: extractTweetEntities(text) }));
    })()`)) as Array<{ weightedLength: number; valid: boolean; entities: unknown[] }>;
    const answers = askTwitterText(texts);
    expect(counted).toEqual(
      answers.map(({ weightedLength, valid, entities }) => ({ weightedLength, valid, entities })),
    );
    expect(counted[0].weightedLength).toBeGreaterThan(23);
  }, 60_000);
});
