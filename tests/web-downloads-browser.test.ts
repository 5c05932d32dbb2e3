import { AxeBuilder } from '@axe-core/playwright';
import { Hono } from 'hono';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDownloadCounts } from '../src/db/repositories/analytics-repository.js';
import { createPublicUrls } from '../src/domain/public-urls.js';
import { downloadsWebRoutes } from '../src/http/routes/downloads-web-routes.js';
import { loadAnalyticsAssets } from '../src/web/analytics/analytics-assets.js';
import { DownloadsScreenPage } from '../src/web/analytics/downloads-screen-page.js';
import { renderHtml } from '../src/web/render-html.js';
import { securityHeaders } from '../src/web/security-headers.js';
import { type Listening, launchBrowser, listenFetch, openPage, recordRequests } from './helpers/browser.js';
import { publishableShow, readyEpisode } from './helpers/ready-episode.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';
import { withWebRoutes } from './helpers/web-app.js';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function axeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

// One database is enough here: the browser tests the pages, the HTTP tests cover every dialect.
describe('download pages and staff panels in Chromium', () => {
  let t: TestApp;
  let zender: Listening;
  let browser: Browser;
  let app: Hono;
  let showId: string;
  let episodeId: string;
  const now = Date.parse('2026-03-20T12:00:00Z');
  const requests: string[] = [];

  beforeAll(async () => {
    t = await openTestApp(testDatabases()[0], { clock: { now: () => new Date(now) } });
    zender = await listenFetch(() => app.fetch);
    const show = await publishableShow(t, { slug: 'cijfers' });
    showId = show.id;
    const episodes = [];
    for (const [i, title] of ['Wonen', 'Zorg', 'Armoede <b>& "schulden"</b>'].entries()) {
      const episode = await readyEpisode(t, show.id, { title });
      await t.call('POST', `/api/v1/episodes/${episode.id}/publish`, { json: {} });
      episodes.push(episode.id);
      const days = ['2026-03-20', '2026-03-21', '2026-03-22', '2026-03-25'];
      await addDownloadCounts(
        t.db.kysely,
        days.map((day, d) => ({
          ...{
            day,
            showId: show.id,
            episodeId: episode.id,
            device: d % 2 ? 'Apple iPhone' : 'Android Phone',
          },
          ...{ app: d % 2 ? 'Apple Podcasts' : 'AntennaPod', downloads: 10 * (i + 1) + d },
        })),
      );
    }
    episodeId = episodes[0];
    const urls = createPublicUrls(zender.origin);
    const assets = loadAnalyticsAssets();
    const staff = new Hono();
    staff.get('/staff-preview', async (c) => {
      const reports = t.analytics.reports;
      const [perDay, top, apps, devices] = await Promise.all(
        (['day', 'episode', 'app', 'device'] as const).map((g) =>
          reports.show(showId, g, '2026-03-18', '2026-03-31'),
        ),
      );
      const episode = await reports.episode(episodeId, 'day');
      const html = await renderHtml(
        DownloadsScreenPage({
          base: zender.origin,
          assets,
          inlineStyle: ':root{}',
          title: 'Cijfers',
          show: { perDay, episodes: top, apps, devices, language: 'nl' },
          episode: {
            curve: await reports.firstDaysCurve(episodeId),
            first7Days: episode.first7Days,
            first30Days: episode.first30Days,
          },
        }),
      );
      const headers = securityHeaders({
        frameAncestors: [],
        inlineStyles: [':root{}'],
        selfOrigin: zender.origin,
      });
      return c.html(html, 200, headers);
    });
    app = new Hono();
    app.route('/', staff);
    app.route('/', downloadsWebRoutes({ reports: t.analytics.reports, baseUrl: zender.origin }));
    app.route('/', withWebRoutes(t, urls));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await zender?.close();
    await t?.close();
  });

  it('the staff panels draw uPlot charts served by zender, with the same figures in tables, axe-clean', async () => {
    const { page, close } = await openPage(browser, { width: 1000, height: 900 });
    recordRequests(page, requests);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) errors.push(response.url());
    });
    await page.goto(`${zender.origin}/staff-preview`);
    await page.waitForSelector('.zd-chart canvas');
    expect(await page.locator('.zd-chart canvas').count()).toBe(2);
    // The table under the daily chart: every day of the span, 0 where nothing was counted.
    const perDay = page.locator('#zd-show-heading ~ figure table.zd-table tbody tr');
    expect(await perDay.count()).toBe(14);
    expect(await page.locator('text=2026-03-20').first().isVisible()).toBe(true);
    const top = await page
      .locator('table', { hasText: 'Meest gedownloade' })
      .locator('tbody th')
      .allTextContents();
    expect(top[0]).toBe('Armoede <b>& "schulden"</b>'); // escaped text, most downloads first
    expect(await page.locator('b').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests.every((url) => url.startsWith(zender.origin))).toBe(true);
    await close();
  });

  it('the method page explains the counting in Dutch and English, axe-clean', async () => {
    const { page, close } = await openPage(browser, { width: 400, height: 800 });
    await page.goto(`${zender.origin}/downloads`);
    expect(await page.locator('h1').allTextContents()).toEqual([
      'Hoe we downloads tellen',
      'How downloads are counted',
    ]);
    expect(await page.locator('article[lang="en"]').count()).toBe(1);
    expect(await page.textContent('body')).toContain('S3');
    expect(await axeViolations(page)).toEqual([]);
    await close();
  });

  it('a show’s public totals appear only after it opts in', async () => {
    expect((await fetch(`${zender.origin}/downloads/cijfers`)).status).toBe(404);
    const put = await t.call('PUT', `/api/v1/shows/${showId}/downloads/public`, { json: { public: true } });
    expect(await put.json()).toEqual({ public: true });
    const { page, close } = await openPage(browser, { width: 800, height: 800 });
    const response = await page.goto(`${zender.origin}/downloads/cijfers`);
    expect(response?.status()).toBe(200);
    expect(await page.textContent('body')).toContain('Totaal / Total');
    expect(await page.locator('table').count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await close();
  });
});
