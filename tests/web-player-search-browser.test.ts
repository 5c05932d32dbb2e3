import { AxeBuilder } from '@axe-core/playwright';
import type { Hono } from 'hono';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicUrls } from '../src/domain/public-urls.js';
import {
  hostPage,
  type Listening,
  launchBrowser,
  listenFetch,
  openPage,
  waitFor,
} from './helpers/browser.js';
import { publishedAudioEpisode } from './helpers/published-audio.js';
import { publishableShow } from './helpers/ready-episode.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';
import { withWebRoutes } from './helpers/web-app.js';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Six spoken sentences, two seconds each: "wonen" in three of them (once with an accent). */
const VTT = `WEBVTT

00:00:00.000 --> 00:00:02.000
<v Jan>Welkom, dit is een gesprek over wonen.

00:00:02.000 --> 00:00:04.000
<v Jan>Eén woning is niet genoeg.

00:00:04.000 --> 00:00:06.000
<v Fatima>We praten over WONEN en zorg.

00:00:06.000 --> 00:00:08.000
<v Fatima>Zorg kost geld.

00:00:08.000 --> 00:00:10.000
<v Jan>Wónen blijft lastig.

00:00:10.000 --> 00:00:12.000
<v Jan>Tot de volgende keer.
`;

async function axeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** What a user sees of the search: the status line, the marked words, the current match. */
function findState(scope: Page | Frame) {
  return scope.evaluate(() => ({
    status: document.querySelector('.zp-find-status')?.textContent ?? null,
    marks: [...document.querySelectorAll('mark.zp-hit')].map((m) => m.textContent),
    matched: [...document.querySelectorAll('p.zp-match')].map((p) =>
      Number((p as HTMLElement).dataset.start),
    ),
    current: Number(
      (document.querySelector('p.zp-match-current') as HTMLElement | null)?.dataset.start ?? -1,
    ),
    focused: document.activeElement?.className ?? '',
    time: document.querySelector('audio')!.currentTime,
    paused: document.querySelector('audio')!.paused,
  }));
}

describe('search in the transcript, and oEmbed sizes that fit the player, in Chromium', () => {
  let t: TestApp;
  let zender: Listening;
  let browser: Browser;
  let app: Hono;
  let full: { id: string; slug: string };
  let bare: { id: string; slug: string };
  const hosts: Listening[] = [];

  beforeAll(async () => {
    t = await openTestApp(testDatabases()[0]);
    zender = await listenFetch(() => app.fetch);
    app = withWebRoutes(t, createPublicUrls(zender.origin));
    const show = await publishableShow(t, { slug: 'zoeken-in-tekst' });
    full = await publishedAudioEpisode(
      t,
      show.id,
      { title: 'Wonen en zorg' },
      { seconds: 12, chapters: '0:00 Intro\n0:06 Zorg', transcriptVtt: VTT },
    );
    bare = await publishedAudioEpisode(t, show.id, { title: 'Kort nieuws' }, { seconds: 4 });
    await publishedAudioEpisode(
      t,
      show.id,
      { title: 'Een aflevering met een titel die lang genoeg is om in de speler over twee regels te lopen' },
      { seconds: 4 },
    );
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    for (const host of hosts) await host.close();
    await zender?.close();
    await t?.close();
  });

  const playerReady = (scope: Page | Frame) =>
    waitFor('the player', () =>
      scope.evaluate(() => !(document.querySelector('.zp-controls') as HTMLElement).hidden),
    );

  it('finds words in the embed transcript as one types, with the keyboard alone, and says how many', async () => {
    const { page, close } = await openPage(browser, { width: 1280, height: 900 });
    await page.goto(`${zender.origin}/embed/episodes/${full.id}`);
    await playerReady(page);
    // The field waits, folded, in the transcript panel.
    expect(await page.isVisible('.zp-find-input')).toBe(false);
    for (
      let i = 0;
      i < 30 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Transcript';
      i++
    )
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect((await findState(page)).focused).toBe('zp-find-input');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe(
      'none',
    );
    expect(
      await page.evaluate(() => (document.activeElement as HTMLInputElement).labels![0].textContent),
    ).toBe('Zoeken in de tekst');

    // Case and accents do not matter; the original letters are marked.
    await page.keyboard.type('een');
    await waitFor(
      'two matches for een',
      async () => (await findState(page)).status === '2 treffers voor ‘een’',
    );
    let s = await findState(page);
    expect(s.matched).toEqual([0, 2]);
    expect(s.marks).toEqual(['een', 'Eén']);

    await page.keyboard.press('Control+A');
    await page.keyboard.type('wonen');
    await waitFor('three matches', async () => (await findState(page)).status === '3 treffers voor ‘wonen’');
    s = await findState(page);
    expect(s.matched).toEqual([0, 4, 8]);
    expect(s.marks).toEqual(['wonen', 'WONEN', 'Wónen']);
    // Marked with elements and classes: the CSP allows no inline style.
    expect(await page.locator('[data-zp-transcript] [style]').count()).toBe(0);
    expect(await page.evaluate(() => document.querySelector('.zp-find-status')!.getAttribute('role'))).toBe(
      'status',
    );

    // Enter steps forward, Shift+Enter back; the status says where and what.
    await page.keyboard.press('Enter');
    expect((await findState(page)).current).toBe(0);
    await page.keyboard.press('Enter');
    expect((await findState(page)).current).toBe(4);
    await waitFor('the position announced', async () =>
      (await findState(page)).status?.startsWith('Treffer 2 van 3: Fatima: We praten over WONEN'),
    );
    await page.keyboard.press('Shift+Enter');
    expect((await findState(page)).current).toBe(0);
    await page.keyboard.press('Shift+Enter');
    expect((await findState(page)).current).toBe(8);

    // The buttons, by keyboard: Tab to "Vorige", then "Volgende".
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Vorige treffer');
    await page.keyboard.press('Enter');
    expect((await findState(page)).current).toBe(4);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Volgende treffer');
    await page.keyboard.press('Enter');
    expect((await findState(page)).current).toBe(8);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    expect((await findState(page)).current).toBe(4);

    // The next stop is the current match's time button: Enter plays from its start.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect((await findState(page)).focused).toBe('zp-cue');
    await page.keyboard.press('Enter');
    await waitFor('playing from the match', async () => {
      const now = await findState(page);
      return !now.paused && now.time >= 4 && now.time < 6;
    });
    await page.evaluate(() => document.querySelector('audio')!.pause());

    await page.fill('.zp-find-input', 'fietspad');
    await waitFor(
      'no matches',
      async () => (await findState(page)).status === 'Geen treffers voor ‘fietspad’',
    );
    expect((await findState(page)).marks).toEqual([]);

    await page.fill('.zp-find-input', 'zorg');
    await waitFor(
      'two matches for zorg',
      async () => (await findState(page)).status === '2 treffers voor ‘zorg’',
    );
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        expect(await axeViolations(page)).toEqual([]);
      }
    }
    await close();
  });

  it('searches the transcript on the episode page, in English', async () => {
    const { page, close } = await openPage(browser, { width: 1280, height: 900 });
    await page.goto(`${zender.origin}/shows/zoeken-in-tekst/${full.slug}?lang=en`);
    await playerReady(page);
    const field = page.getByRole('searchbox', { name: 'Search the transcript' });
    await field.fill('ZORG');
    await waitFor('two matches', async () => (await findState(page)).status === '2 matches for ‘ZORG’');
    expect((await findState(page)).marks).toEqual(['zorg', 'Zorg']);
    await page.getByRole('button', { name: 'Next match' }).click();
    expect((await findState(page)).current).toBe(4);
    await page.getByRole('button', { name: 'Next match' }).click();
    expect((await findState(page)).current).toBe(6);
    await page.getByRole('button', { name: 'Previous match' }).click();
    expect((await findState(page)).current).toBe(4);
    // A match is played from its start with its time button.
    await page.click('p.zp-match-current .zp-cue');
    await waitFor('playing from 4 s', async () => {
      const now = await findState(page);
      return !now.paused && now.time >= 4 && now.time < 6;
    });
    await page.evaluate(() => document.querySelector('audio')!.pause());
    await field.fill('woning');
    await waitFor('one match', async () => (await findState(page)).status === '1 match for ‘woning’');

    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        expect(await axeViolations(page)).toEqual([]);
      }
    }
    // Emptied, the marks go and nothing is said.
    await field.fill('');
    await waitFor('marks cleared', async () => (await findState(page)).marks.length === 0);
    expect((await findState(page)).matched).toEqual([]);
    await close();
  });

  it('without script the transcript is all there, with no search field', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${zender.origin}/shows/zoeken-in-tekst/${full.slug}`);
    expect(await page.locator('.zp-find').count()).toBe(0);
    expect(await page.locator('.zp-transcript-page p[data-start]').count()).toBe(6);
    expect(await page.textContent('.zp-transcript-page')).toContain('Wónen blijft lastig.');
    await context.close();
  });

  /** The oEmbed answer for a public URL, its iframe put on a partner's page, measured inside. */
  async function embedded(publicUrl: string) {
    const oembed = (await (
      await fetch(`${zender.origin}/oembed?url=${encodeURIComponent(publicUrl)}&format=json`)
    ).json()) as { width: number; height: number; html: string };
    const host = await hostPage(
      `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Gemeente</title></head>` +
        `<body><main><h1>Nieuws</h1>${oembed.html}</main></body></html>`,
    );
    hosts.push(host);
    const { page, close } = await openPage(browser, { width: 1000, height: 1200 });
    await page.goto(host.origin);
    const frame = await waitFor('the embed frame', async () =>
      page.frames().find((f) => f.url().includes('/embed/')),
    );
    await playerReady(frame);
    const box = await page.locator('iframe').boundingBox();
    const measure = () =>
      frame.evaluate(() => ({
        scrollHeight: document.documentElement.scrollHeight,
        clientHeight: document.documentElement.clientHeight,
        content: Math.ceil(document.body.getBoundingClientRect().height),
      }));
    return { oembed, box: box!, frame, measure, close };
  }

  it('answers oEmbed with the height the embed renders, and the pages say the same', async () => {
    const cases = [
      `${zender.origin}/shows/zoeken-in-tekst/${full.slug}`, // chapters and transcript folded
      `${zender.origin}/shows/zoeken-in-tekst/${bare.slug}`, // neither
      `${zender.origin}/shows/zoeken-in-tekst`, // the show with three episodes, one title on two lines
    ];
    const heights: number[] = [];
    for (const url of cases) {
      const { oembed, box, frame, measure, close } = await embedded(url);
      expect(oembed.width).toBe(640);
      expect(oembed.html).toContain(`width="640" height="${oembed.height}"`);
      expect([Math.round(box.width), Math.round(box.height)]).toEqual([640, oembed.height]);
      const m = await measure();
      expect(m.clientHeight).toBe(oembed.height);
      // Nothing cut off (the frame does not scroll) and no empty band below the player.
      expect(Math.abs(m.scrollHeight - oembed.height)).toBeLessThanOrEqual(10);
      expect(Math.abs(m.content - oembed.height)).toBeLessThanOrEqual(10);
      heights.push(oembed.height);

      // Opened panels may be taller than the frame: it scrolls inside then.
      if (url.endsWith(full.slug)) {
        await frame.click('.zp-transcript-box summary');
        const open = await measure();
        expect(open.scrollHeight).toBeGreaterThan(oembed.height + 100);
        await frame.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        expect(await frame.evaluate(() => window.scrollY)).toBeGreaterThan(100);
      }
      await close();

      const page = await (await fetch(url)).text();
      expect(page).toContain(`<meta name="twitter:player:height" content="${oembed.height}"/>`);
    }
    // The heights differ as the players do: folded panels and a list each add their rows.
    expect(heights[0]).toBeGreaterThan(heights[1] + 90);
    expect(heights[2]).toBeGreaterThan(heights[1] + 3 * 44);
  });
});
