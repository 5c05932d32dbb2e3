import { AxeBuilder } from '@axe-core/playwright';
import type { Hono } from 'hono';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicUrls } from '../src/domain/public-urls.js';
import {
  type Listening,
  launchBrowser,
  listenFetch,
  openPage,
  recordRequests,
  waitFor,
} from './helpers/browser.js';
import { publishedAudioEpisode } from './helpers/published-audio.js';
import { publishableShow } from './helpers/ready-episode.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';
import { withWebRoutes } from './helpers/web-app.js';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const dutch = `WEBVTT

00:00:00.000 --> 00:00:04.000
<v Jan>Welkom bij dit gesprek over wonen.
`;
const english = `WEBVTT

00:00:00.000 --> 00:00:04.000
<v Sarah>Welcome to this talk about housing.

00:00:34.000 --> 00:00:38.000
<v Sarah>Only here we say zeppelinhangar.
`;

async function axeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

// One database is enough here: the browser tests the pages, the HTTP tests cover every dialect.
describe('the public site in Chromium', () => {
  let t: TestApp;
  let zender: Listening;
  let browser: Browser;
  let app: Hono;
  let episode: { id: string; slug: string };

  beforeAll(async () => {
    t = await openTestApp(testDatabases()[0]);
    zender = await listenFetch(() => app.fetch);
    app = withWebRoutes(t, createPublicUrls(zender.origin));
    await t.call('PATCH', '/api/v1/organisation', {
      json: {
        name: 'Kennisplatform Mensenrechten',
        accentColor: '#8a1538',
        footerLinks: [{ label: 'Contact', url: 'https://www.example.nl/contact' }],
      },
    });
    const logo = await sharp({ create: { width: 240, height: 80, channels: 3, background: '#8a1538' } })
      .png()
      .toBuffer();
    await t.call('PUT', '/api/v1/organisation/logo', {
      body: new Uint8Array(logo),
      headers: { 'content-type': 'image/png' },
    });
    const show = await publishableShow(t, {
      slug: 'wonen',
      title: 'Wonen in de wijk',
      persons: [{ name: 'Fatima', role: 'host' }],
      subscribe: { spotify: 'https://open.spotify.com/show/abc' },
    });
    episode = await publishedAudioEpisode(
      t,
      show.id,
      { title: 'Wachtlijsten', summary: 'Over de woningnood.' },
      { seconds: 40, transcriptVtt: dutch },
    );
    await t.call('PUT', `/api/v1/episodes/${episode.id}/transcript?language=en`, {
      body: english,
      headers: { 'content-type': 'text/vtt' },
    });
    await t.worker.drain();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await zender?.close();
    await t?.close();
  });

  const pages = () => [
    '/',
    '/shows/wonen',
    `/shows/wonen/${episode.slug}`,
    '/search?q=wonen',
    '/privacy',
    '/toegankelijkheid',
  ];

  for (const width of [360, 1280]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`every public page passes axe (WCAG 2.1 A/AA) at ${width} px, ${colorScheme}, with nothing from other origins`, async () => {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
        try {
          const page = await context.newPage();
          const requests: string[] = [];
          recordRequests(page, requests);
          for (const path of pages()) {
            await page.goto(`${zender.origin}${path}`);
            expect(await axeViolations(page), `${path} ${width} ${colorScheme}`).toEqual([]);
            // Branding and the statements on every page.
            expect(await page.locator('.zp-brand img').count(), path).toBe(1);
            expect(await page.locator('footer a[href$="/privacy"]').count(), path).toBe(1);
            expect(await page.locator('footer a[href$="/toegankelijkheid"]').count(), path).toBe(1);
            // Nothing overflows sideways on a phone.
            const overflow = await page.evaluate(
              () => document.documentElement.scrollWidth - window.innerWidth,
            );
            expect(overflow, path).toBeLessThanOrEqual(0);
          }
          expect(requests.filter((url) => !url.startsWith(zender.origin))).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }

  it('keeps each page under 100 KB transferred, audio and artwork aside', async () => {
    const { page, close } = await openPage(browser, { width: 1280, height: 900 });
    try {
      for (const path of pages()) {
        await page.goto(`${zender.origin}${path}`);
        // What came over the wire (compressed bodies) for the page, its script and styles.
        const transferred = await page.evaluate(() =>
          [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
            .filter((e) => !/\.(mp3|jpg|png|svg)(\?|$)/.test(e.name))
            .reduce((sum, e) => sum + ((e as PerformanceResourceTiming).encodedBodySize || 0), 0),
        );
        expect(transferred, path).toBeGreaterThan(1000);
        expect(transferred, path).toBeLessThanOrEqual(100 * 1024);
      }
    } finally {
      await close();
    }
  });

  it('finds a word spoken only in the English transcript, and its link plays from that moment', async () => {
    const { page, close } = await openPage(browser, { width: 1280, height: 900 });
    try {
      await page.goto(`${zender.origin}/`);
      await page.getByRole('searchbox').first().fill('zeppelinhangar');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/search\?q=zeppelinhangar/);
      expect(await page.getByRole('status').first().textContent()).toContain('1 result for');
      expect(await page.locator('mark').first().textContent()).toBe('zeppelinhangar');
      await page.locator('.zp-result a').first().click();
      await page.waitForURL(/transcript=en#t=34$/);
      const time = await waitFor('the player at 0:34', () =>
        page.evaluate(() => {
          const audio = document.querySelector('audio');
          return audio && Math.round(audio.currentTime) === 34 ? audio.currentTime : null;
        }),
      );
      expect(time).toBeCloseTo(34, 0);
      expect(await page.locator('.zp-transcript-page').textContent()).toContain(
        'Only here we say zeppelinhangar.',
      );
    } finally {
      await close();
    }
  });

  it('swaps the transcript (and the cues the player follows) with the language switch, by keyboard', async () => {
    const { page, close } = await openPage(browser, { width: 1280, height: 900 });
    try {
      await page.goto(`${zender.origin}/shows/wonen/${episode.slug}`);
      expect(await page.locator('.zp-transcript-page').textContent()).toContain('Welkom bij dit gesprek');
      await page.locator('.zp-transcript-languages a', { hasText: 'Engels' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/transcript=en/);
      const text = await page.locator('.zp-transcript-page').textContent();
      expect(text).toContain('Welcome to this talk about housing.');
      expect(text).not.toContain('Welkom');
      expect(await page.locator('.zp-transcript-languages [aria-current="true"]').textContent()).toBe(
        'Engels',
      );
    } finally {
      await close();
    }
  });

  it('copies the feed address and says so to screen readers', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: zender.origin });
    try {
      const page = await context.newPage();
      await page.goto(`${zender.origin}/shows/wonen`);
      const button = page.getByRole('button', { name: 'Adres kopiëren' });
      await button.click();
      await waitFor('the copy announced', async () =>
        (await page.locator('.zp-copy-status').textContent())?.includes('gekopieerd'),
      );
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
        `${zender.origin}/feeds/wonen.xml`,
      );
      const spotify = await page.locator('a[data-app="spotify"]').getAttribute('href');
      expect(spotify).toBe('https://open.spotify.com/show/abc');
    } finally {
      await context.close();
    }
  });
});
