import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDownloadCounts } from '../src/db/repositories/analytics-repository.js';
import { launchBrowser } from './helpers/browser.js';
import { type FeedFixtureServer, startFeedFixtureServer } from './helpers/feed-fixture-server.js';
import { publishableShow, readyEpisode } from './helpers/ready-episode.js';
import { type ServedApp, serveApp } from './helpers/serve-app.js';
import { goodPassword } from './helpers/staff-session.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function axe(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// One database: the browser checks the screens; tests/admin-more-screens.test.ts covers both dialects.
describe('the downloads, moving-in and organisation screens in Chromium', () => {
  let t: TestApp;
  let served: ServedApp;
  let browser: Browser;
  let feeds: FeedFixtureServer;
  let showId = '';
  let episodeId = '';

  beforeAll(async () => {
    feeds = await startFeedFixtureServer();
    t = await openTestApp(testDatabases()[0], {
      allowPrivateUrls: true,
      clock: { now: () => new Date('2026-04-15T12:00:00Z') },
    });
    served = await serveApp(t);
    browser = await launchBrowser();
    await t.staff.users.create({
      email: 'eva@gemeente.example',
      name: 'Eva de Vries',
      role: 'admin',
      password: goodPassword,
    });
    const show = await publishableShow(t, { slug: 'grafiek' });
    showId = show.id;
    const episode = await readyEpisode(t, show.id, { title: 'Wonen' });
    await t.call('POST', `/api/v1/episodes/${episode.id}/publish`, { json: {} });
    episodeId = episode.id;
    await addDownloadCounts(t.db.kysely, [
      { day: '2026-04-15', showId, episodeId, app: 'Apple Podcasts', device: 'Apple iPhone', downloads: 12 },
      { day: '2026-04-14', showId, episodeId, app: 'AntennaPod', device: 'Android Phone', downloads: 5 },
    ]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await t?.close();
    await feeds?.close();
  });

  async function signedIn(options: { width: number; dark: boolean }) {
    const ctx = await browser.newContext({
      viewport: { width: options.width, height: 900 },
      colorScheme: options.dark ? 'dark' : 'light',
      locale: 'nl-NL',
    });
    const page = await ctx.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${served.origin}/admin/login`);
    await page.fill('input[name=email]', 'eva@gemeente.example');
    await page.fill('input[name=password]', goodPassword);
    await page.press('input[name=password]', 'Enter');
    await page.waitForURL(`${served.origin}/admin`);
    return { ctx, page };
  }

  it('starts an import from the form and draws the download charts with zender’s own uPlot', async () => {
    const { ctx, page } = await signedIn({ width: 1280, dark: false });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.click('nav >> text=Verhuizen');
    await page.fill('input[name=feedUrl]', feeds.feedUrl('libsyn-style.xml'));
    await page.check('input[name=processAudio]');
    await page.click('button:has-text("Import starten")');
    await page.waitForURL(/\/admin\/imports\/[\w-]+/);
    expect(await page.locator('.za-notice').textContent()).toBe('De import is gestart.');
    await t.worker.drain();
    await page.reload();
    expect(await page.locator('dd', { hasText: '2 van 2 overgenomen' }).count()).toBe(1);

    await page.goto(`${served.origin}/admin/shows/${showId}`);
    const link = page.locator('a:has-text("Beluisteringen bekijken")');
    expect(await link.getAttribute('href')).toBe(`/admin/shows/${showId}/downloads`);
    // From here on every error counts (the show screen's artwork names the test's BASE_URL host).
    errors.length = 0;
    await link.click();
    await page.waitForSelector('.zd-chart canvas');
    expect(await page.locator('td', { hasText: '17' }).count()).toBeGreaterThan(0);
    await page.goto(`${served.origin}/admin/episodes/${episodeId}/downloads`);
    await page.waitForSelector('.zd-chart canvas');
    // No CSP refusal, no script error: the chart files load from zender itself.
    expect(errors).toEqual([]);
    await ctx.close();
  }, 120_000);

  it('finds no WCAG 2.1 AA problem on the new screens at 360 and 1280 px, light and dark', async () => {
    const importId = (await t.db.kysely.selectFrom('imports').select('id').executeTakeFirstOrThrow()).id;
    const screens = [
      '/admin/imports',
      `/admin/imports/${importId}`,
      `/admin/shows/${showId}/downloads`,
      `/admin/episodes/${episodeId}/downloads`,
      `/admin/shows/${showId}`,
      '/admin/organisation',
    ];
    for (const [dark, width] of [
      [false, 1280],
      [false, 360],
      [true, 360],
      [true, 1280],
    ] as const) {
      const { ctx, page } = await signedIn({ width, dark });
      for (const pathname of screens) {
        await page.goto(`${served.origin}${pathname}`);
        const violations = await axe(page);
        expect({ pathname, width, dark, violations }).toEqual({ pathname, width, dark, violations: [] });
      }
      // A refused form, with the reason next to the field, is checked too.
      await page.goto(`${served.origin}/admin/imports`);
      await page.fill('input[name=feedUrl]', 'geen adres');
      await page.click('button:has-text("Import starten")');
      await page.waitForSelector('#f-feedUrl-error');
      expect({ refused: true, width, dark, violations: await axe(page) }).toEqual({
        refused: true,
        width,
        dark,
        violations: [],
      });
      // And the brand colour refused with its contrast, next to the field.
      await page.goto(`${served.origin}/admin/organisation`);
      await page.fill('input[name=accentColor]', '#ffdd00');
      await page.click('button:has-text("Opslaan")');
      await page.waitForSelector('#f-accentColor-error');
      expect({ colour: true, width, dark, violations: await axe(page) }).toEqual({
        colour: true,
        width,
        dark,
        violations: [],
      });
      await ctx.close();
    }
  }, 300_000);
});
