import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weightedLength } from '../src/social/weighted-length.js';
import { launchBrowser } from './helpers/browser.js';
import { publishableShow, readyEpisode } from './helpers/ready-episode.js';
import { type ServedApp, serveApp } from './helpers/serve-app.js';
import { goodPassword } from './helpers/staff-session.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

// One database: the counter runs in the browser; the HTTP suites cover both dialects.
describe('the live draft counter in Chromium', () => {
  let t: TestApp;
  let served: ServedApp;
  let browser: Browser;
  let episodeId: string;

  beforeAll(async () => {
    t = await openTestApp(testDatabases()[0]);
    served = await serveApp(t);
    await t.staff.users.create({
      email: 'eva@gemeente.example',
      name: 'Eva de Vries',
      role: 'editor',
      password: goodPassword,
    });
    const show = await publishableShow(t, { slug: 'teller', social: { channels: ['x', 'mastodon'] } });
    const episode = await readyEpisode(t, show.id, { title: 'Wonen is een recht' });
    expect((await t.call('POST', `/api/v1/episodes/${episode.id}/publish`, { json: {} })).status).toBe(200);
    await t.worker.drain(); // writes the drafts
    episodeId = episode.id;
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await t?.close();
  });

  async function signIn(page: Page) {
    await page.goto(`${served.origin}/admin/login`);
    await page.fill('input[name=email]', 'eva@gemeente.example');
    await page.fill('input[name=password]', goodPassword);
    await page.press('input[name=password]', 'Enter');
    await page.waitForURL(`${served.origin}/admin`);
  }

  async function episodeScreen(): Promise<{ page: Page; requests: string[]; problems: string[] }> {
    const context = await browser.newContext({ locale: 'nl-NL' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(`${request.method()} ${new URL(request.url()).pathname}`));
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    await signIn(page);
    await page.goto(`${served.origin}/admin/episodes/${episodeId}#drafts`);
    return { page, requests, problems };
  }

  it('counts a URL and emoji in the X draft as weighted-length does, in the browser, without asking the server', async () => {
    const { page, requests, problems } = await episodeScreen();
    // The counting came from zender itself, as ES modules beside admin.js.
    expect(requests).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^GET \/admin\/assets\/draft-counter-\w{10}\.js$/),
        expect.stringMatching(/^GET \/admin\/assets\/measure-length-\w{10}\.js$/),
        expect.stringMatching(/^GET \/admin\/assets\/weighted-length-\w{10}\.js$/),
      ]),
    );
    const x = page.locator('[data-draft]').filter({ has: page.locator('h3', { hasText: /^X$/ }) });
    const area = x.locator('textarea');
    const counter = x.locator('[data-counter]');
    const loaded = requests.length;

    const text =
      'Nieuw: https://www.gemeente.nl/podcast/wonen-is-een-recht?utm_source=x 🎙️ met 👩‍👩‍👧‍👦 🇳🇱 日本';
    await area.fill('');
    await area.pressSequentially(text);
    expect(await area.inputValue()).toBe(text);
    const expected = weightedLength(text).weightedLength;
    // The URL weighs 23, each emoji 2, the CJK characters 2: far from the text's 98 UTF-16 units.
    expect(expected).toBe(48);
    await expect.poll(() => counter.textContent()).toBe(`${expected} van 280 tekens`);
    expect(await counter.getAttribute('class')).toBe('za-counter');

    // Over the limit: said in words and marked, as the server renders it.
    const long = `${'Wonen is een recht. '.repeat(14)}https://www.gemeente.nl/podcast 🎙️`;
    await area.fill(long);
    const over = weightedLength(long).weightedLength - 280;
    expect(over).toBeGreaterThan(0);
    await expect.poll(() => counter.textContent()).toBe(`${over + 280} van 280 tekens: ${over} te veel`);
    expect(await counter.getAttribute('class')).toBe('za-counter za-over');

    // Typing sent nothing at all: no /admin/social-drafts/count, no other request.
    expect(requests.slice(loaded)).toEqual([]);
    expect(requests.filter((request) => request.includes('/social-drafts/count'))).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('without script the counter still says the saved draft length, as the server counted it', async () => {
    const context = await browser.newContext({ locale: 'nl-NL', javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page);
    await page.goto(`${served.origin}/admin/episodes/${episodeId}`);
    const drafts = (await (await t.call('GET', `/api/v1/episodes/${episodeId}/social-drafts`)).json())
      .items as {
      channel: string;
      text: string;
      length: number;
    }[];
    const saved = drafts.find((draft) => draft.channel === 'x')!;
    expect(saved.length).toBe(weightedLength(saved.text).weightedLength);
    const x = page.locator('[data-draft]').filter({ has: page.locator('h3', { hasText: /^X$/ }) });
    expect(await x.locator('[data-counter]').textContent()).toBe(`${saved.length} van 280 tekens`);
    await context.close();
  }, 60_000);
});
