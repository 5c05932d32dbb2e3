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
  recordRequests,
  waitFor,
} from './helpers/browser.js';
import { cueEveryTwoSeconds, publishedAudioEpisode } from './helpers/published-audio.js';
import { publishableShow } from './helpers/ready-episode.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';
import { withWebRoutes } from './helpers/web-app.js';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function axeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** The player's state inside its frame. */
function state(frame: Frame) {
  return frame.evaluate(() => {
    const audio = document.querySelector('audio')!;
    const cue = document.querySelector('[data-zp-transcript] p[aria-current="true"]') as HTMLElement | null;
    return {
      time: audio.currentTime,
      paused: audio.paused,
      src: audio.currentSrc || audio.src,
      cue: cue ? Number(cue.dataset.start) : null,
      chapter: document.querySelector('.zp-chapter[aria-current="true"]')?.textContent ?? null,
      live: document.querySelector('.zp-live')?.textContent ?? '',
      valueNow: document.querySelector('.zp-seek')?.getAttribute('aria-valuenow'),
      focused: document.activeElement?.className ?? '',
    };
  });
}

// One database is enough here: the browser tests the page, the HTTP tests cover every dialect.
describe('the embedded player in Chromium', () => {
  let t: TestApp;
  let zender: Listening;
  let host: Listening;
  let browser: Browser;
  let app: Hono;
  let episode: { id: string; slug: string };
  const requests: string[] = [];

  beforeAll(async () => {
    t = await openTestApp(testDatabases()[0]);
    zender = await listenFetch(() => app.fetch);
    app = withWebRoutes(t, createPublicUrls(zender.origin));
    const show = await publishableShow(t, {
      slug: 'in-de-browser',
      persons: [{ name: 'Jan de Vries', role: 'host' }],
    });
    episode = await publishedAudioEpisode(
      t,
      show.id,
      { title: 'Wonen en zorg', summary: 'Over wonen.', persons: [{ name: 'Jan', role: 'wethouder' }] },
      { chapters: '0:00 Intro\n0:10 Gesprek', transcriptVtt: cueEveryTwoSeconds(20) },
    );
    await publishedAudioEpisode(t, show.id, { title: 'Kort nieuws' }, { seconds: 4 });
    host = await hostPage(
      `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Gemeente</title></head><body>` +
        `<main><h1>Nieuws van de gemeente</h1><p><a href="#speler">Naar de speler</a></p>` +
        `<iframe id="speler" src="${zender.origin}/embed/episodes/${episode.id}" title="Podcastspeler"` +
        ` width="640" height="520" style="border:0" allow="autoplay; clipboard-write"></iframe></main></body></html>`,
    );
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await zender?.close();
    await t?.close();
  });

  async function openHost(): Promise<{ page: Page; frame: Frame; close: () => Promise<void> }> {
    const { page, close } = await openPage(browser, { width: 800, height: 700 });
    recordRequests(page, requests);
    await page.goto(host.origin);
    const frame = await waitFor('the player frame', async () => {
      const f = page.frames().find((x) => x.url().includes('/embed/episodes/'));
      return (
        f && (await f.evaluate(() => !document.querySelector('.zp-controls')?.hasAttribute('hidden'))) && f
      );
    });
    return { page, frame, close };
  }

  it('plays across origins, jumps to a chapter and the transcript follows', async () => {
    const { page, frame, close } = await openHost();
    await frame.click('.zp-play');
    await waitFor('playback', async () => (await state(frame)).time > 0.5);
    expect((await state(frame)).paused).toBe(false);
    expect(await frame.getAttribute('.zp-play', 'aria-label')).toBe('Pauzeren');

    await frame.click('.zp-chapters summary');
    await frame.click('.zp-chapter >> text=Gesprek');
    const jumped = await state(frame);
    expect(jumped.time).toBeGreaterThanOrEqual(10);
    expect(jumped.time).toBeLessThan(12);
    await waitFor('chapter highlight', async () => (await state(frame)).chapter?.includes('Gesprek'));

    await frame.click('.zp-transcript-box summary');
    const first = await waitFor('a cue from 10 s on', async () => {
      const cue = (await state(frame)).cue;
      return cue !== null && cue >= 10 && cue;
    });
    await waitFor('the highlight to follow', async () => ((await state(frame)).cue ?? 0) > first, 6000);
    // Clicking a cue seeks there.
    await frame.click('[data-zp-transcript] p[data-start="4"]');
    await waitFor('seek to the cue', async () => {
      const s = await state(frame);
      return s.time >= 4 && s.time < 6 && s.cue === 4;
    });
    // Speed, volume, and a share link at the current time.
    await frame.selectOption('.zp-rate', '1.5');
    await frame.fill('.zp-volume', '50');
    expect(
      await frame.evaluate(() => [
        document.querySelector('audio')!.playbackRate,
        document.querySelector('audio')!.volume,
      ]),
    ).toEqual([1.5, 0.5]);
    await frame.click('.zp-share');
    expect(await frame.inputValue('.zp-share-url')).toMatch(
      new RegExp(`^${zender.origin}/shows/in-de-browser/${episode.slug}\\?t=\\d+$`),
    );
    await waitFor('the share announcement', async () => (await state(frame)).live.startsWith('Link naar'));

    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    expect(await axeViolations(page)).toEqual([]);
    await close();
  });

  it('is operable with the keyboard alone', async () => {
    const { page, frame, close } = await openHost();
    // From the partner's link into the frame: the first stop is the play button.
    for (let i = 0; i < 6 && !(await state(frame)).focused.includes('zp-play'); i++)
      await page.keyboard.press('Tab');
    expect((await state(frame)).focused).toContain('zp-play');
    const outline = await frame.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');

    await page.keyboard.press('Space');
    await waitFor('playing by keyboard', async () => !(await state(frame)).paused);
    await page.keyboard.press('Tab');
    expect((await state(frame)).focused).toContain('zp-seek');
    await page.keyboard.press('Space'); // space on the slider toggles too
    await waitFor('paused by keyboard', async () => (await state(frame)).paused);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const s = await state(frame);
    expect(Math.round(s.time)).toBe(10);
    expect(s.valueNow).toBe('10');
    await waitFor('a polite announcement', async () => (await state(frame)).live === 'Positie: 10 seconden');
    await page.keyboard.press('End');
    expect(Math.round((await state(frame)).time)).toBe(20);
    await page.keyboard.press('PageDown');
    expect((await state(frame)).time).toBe(0);

    await page.keyboard.press('Tab'); // back 15
    await page.keyboard.press('Tab'); // forward 30
    expect((await state(frame)).focused).toContain('zp-forward');
    await page.keyboard.press('Enter');
    expect(Math.round((await state(frame)).time)).toBe(20);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    expect(Math.round((await state(frame)).time)).toBe(5);

    // Chapters: Tab to the summary, open it, go to "Gesprek".
    for (let i = 0; i < 8 && (await frame.evaluate(() => document.activeElement?.tagName)) !== 'SUMMARY'; i++)
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await waitFor('chapter by keyboard', async () => (await state(frame)).time >= 10);
    await close();
  });

  it('public episode and show pages pass axe and sync the page transcript', async () => {
    const { page, close } = await openPage(browser, { width: 1000, height: 800 });
    recordRequests(page, requests);
    await page.goto(`${zender.origin}/shows/in-de-browser/${episode.slug}?t=8`);
    await waitFor('the player', () =>
      page.evaluate(() => !(document.querySelector('.zp-controls') as HTMLElement).hidden),
    );
    expect(await page.evaluate(() => document.querySelector('audio')!.currentTime)).toBe(8);
    expect(await axeViolations(page)).toEqual([]);
    await page.click('.zp-transcript-page p[data-start="14"]');
    await waitFor('the page transcript to follow', () =>
      page.evaluate(
        () =>
          document.querySelector('.zp-transcript-page p[aria-current="true"]')?.getAttribute('data-start') ===
          '14',
      ),
    );
    const jsonLd = await page.evaluate(
      () => document.querySelector('script[type="application/ld+json"]')!.textContent,
    );
    expect(JSON.parse(jsonLd!)['@type']).toBe('PodcastEpisode');

    await page.goto(`${zender.origin}/shows/in-de-browser`);
    expect(await page.locator('.zp').count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await close();
  });

  it('the show embed plays the episodes in turn, from 280 px wide, in a partner colour', async () => {
    const { page, close } = await openPage(browser, { width: 280, height: 600 });
    recordRequests(page, requests);
    await page.goto(`${zender.origin}/embed/shows/in-de-browser?color=ffee00&lang=en`);
    await waitFor('the player', () =>
      page.evaluate(() => !(document.querySelector('.zp-controls') as HTMLElement).hidden),
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(280);
    expect(await page.getAttribute('.zp-play', 'aria-label')).toBe('Play');
    expect(await axeViolations(page)).toEqual([]);

    const items = page.locator('.zp-item');
    expect(await items.count()).toBe(2);
    await page.click('.zp-play'); // the newest, 4 s long
    await waitFor('the first to play', () => page.evaluate(() => !document.querySelector('audio')!.paused));
    await waitFor(
      'the next episode after the first ends',
      () =>
        page.evaluate(
          () =>
            document.querySelectorAll('.zp-item')[1].getAttribute('aria-current') === 'true' &&
            !document.querySelector('audio')!.paused &&
            document.querySelector('audio')!.currentTime > 0.2,
        ),
      12_000,
    );
    expect(await page.textContent('.zp-title')).toBe('Wonen en zorg');
    await close();
  });

  it('made no request to a third origin from any page or frame', () => {
    expect(requests.length).toBeGreaterThan(10);
    const others = requests.filter((u) => ![zender.origin, host.origin].includes(new URL(u).origin));
    expect(others).toEqual([]);
  });
});
