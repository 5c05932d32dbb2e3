import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, waitFor } from './helpers/browser.js';
import { makeAudio } from './helpers/make-audio.js';
import { type ServedApp, serveApp } from './helpers/serve-app.js';
import { goodPassword } from './helpers/staff-session.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// README screenshots: SCREENSHOTS=1 npx vitest run tests/admin-browser.test.ts
const screenshots = process.env.SCREENSHOTS === '1' ? path.resolve('docs/images') : null;

async function axe(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// One database: the browser tests the screens; the HTTP suites cover both dialects.
describe('the staff screens in Chromium', () => {
  let t: TestApp;
  let served: ServedApp;
  let browser: Browser;
  const visited = new Set<string>();
  const dir = mkdtempSync(path.join(tmpdir(), 'zender-admin-'));

  beforeAll(async () => {
    // Small chunks, so the upload is several requests and one of them can be cut.
    t = await openTestApp(testDatabases()[0], { uploadChunkBytes: 256 * 1024 });
    t.worker.start();
    served = await serveApp(t);
    browser = await launchBrowser();
    await t.staff.users.create({
      email: 'eva@gemeente.example',
      name: 'Eva de Vries',
      role: 'admin',
      password: goodPassword,
    });
    if (screenshots) mkdirSync(screenshots, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await t?.close();
  });

  async function context(options: { width?: number; dark?: boolean } = {}) {
    const ctx = await browser.newContext({
      viewport: { width: options.width ?? 1280, height: 900 },
      colorScheme: options.dark ? 'dark' : 'light',
      locale: 'nl-NL',
    });
    const page = await ctx.newPage();
    page.setDefaultTimeout(15_000);
    return { ctx, page };
  }

  async function signInWith(page: Page, email: string, password: string) {
    await page.goto(`${served.origin}/admin/login`);
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', password);
    await page.press('input[name=password]', 'Enter');
  }

  async function visit(page: Page, shot?: string) {
    visited.add(new URL(page.url()).pathname);
    expect(await axe(page)).toEqual([]);
    if (screenshots && shot)
      await page.screenshot({ path: path.join(screenshots, `${shot}.png`), fullPage: false });
  }

  it('signs in by keyboard alone, with a visible focus', async () => {
    const { ctx, page } = await context();
    await page.goto(`${served.origin}/admin/login`);
    await visit(page, 'sign-in');
    // Skip link, language switch, then the form: Tab until the e-mail field has focus.
    for (
      let i = 0;
      i < 6 && (await page.evaluate(() => document.activeElement?.getAttribute('name'))) !== 'email';
      i++
    )
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('email');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.type('eva@gemeente.example');
    await page.keyboard.press('Tab');
    await page.keyboard.type(goodPassword);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${served.origin}/admin`);
    expect(await page.textContent('h1')).toBe('Overzicht');
    await ctx.close();
  }, 60_000);

  it('runs the whole journey: show with artwork, upload that survives a cut, processing, transcript, chapter, publish, feed, draft', async () => {
    const { ctx, page } = await context();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await signInWith(page, 'eva@gemeente.example', goodPassword);
    await page.waitForURL(`${served.origin}/admin`);
    await visit(page, 'overview');

    // A show through the form, with a Dutch category and artwork.
    await page.click('text=Nieuwe podcast');
    await visit(page);
    await page.fill('#f-title', 'Mensenrechten dichtbij');
    await page.fill('#f-description', 'Gesprekken met gemeenten over mensenrechten in de praktijk.');
    await page.fill('#f-author', 'Kennisplatform');
    await page.fill('#f-ownerEmail', 'podcast@gemeente.example');
    await page.selectOption('#f-category', { label: 'Overheid' });
    await page.fill('#f-link', 'https://www.gemeente.example/podcast');
    await page.fill('#f-copyright', '© 2026 Kennisplatform');
    await page.click('button:has-text("Aanmaken")');
    await page.waitForURL(/\/admin\/shows\/[0-9a-f-]+/);
    const showId = /shows\/([0-9a-f-]+)/.exec(page.url())![1];
    const png = path.join(dir, 'cover.png');
    writeFileSync(
      png,
      await sharp({ create: { width: 1400, height: 1400, channels: 3, background: '#1f5f8b' } })
        .png()
        .toBuffer(),
    );
    await page.setInputFiles('#f-artwork', png);
    await waitFor('the preview', () => page.isVisible('#artwork-preview'));
    await page.click('button:has-text("Afbeelding uploaden")');
    await page.waitForSelector('img.za-artwork[src*="/media/"]');
    expect((await t.shows.get(showId)).categories).toEqual(['Government']);
    await visit(page, 'show');
    // The full feed check (no episode yet: the rules, and a feed with nothing to probe).
    await page.click('text=Volledige controle: feed teruglezen en audiobestanden opvragen');
    await page.waitForURL(/\/feed-check$/);
    await page.waitForSelector('#feed-and-audio');
    await visit(page);
    await page.click('text=Terug naar de podcast');
    await page.waitForURL(/\/admin\/shows\/[0-9a-f-]+$/);

    // An episode, and its recording through tus with one connection cut halfway.
    await page.fill('#f-title', 'Wonen is een recht');
    await page.click('button:has-text("Aanmaken")');
    await page.waitForURL(/\/admin\/episodes\//);
    const episodeId = /episodes\/([0-9a-f-]+)/.exec(page.url())![1];
    await visit(page);
    const wav = makeAudio('interview.wav', { seconds: 14, speechLike: true, volumeDb: -24 });
    const patches: { offset: number; aborted: boolean }[] = [];
    await page.route('**/admin/uploads/**', async (route) => {
      const request = route.request();
      if (request.method() === 'PATCH') {
        const offset = Number(request.headers()['upload-offset']);
        const cut = patches.length === 3;
        patches.push({ offset, aborted: cut });
        if (cut) return route.abort('connectionreset');
      }
      return route.continue();
    });
    await page.setInputFiles('#audio-file', wav);
    await page.click('button:has-text("Uploaden")');
    // The bar reaches 100 % as the last bytes go out; the message follows when zender confirms them.
    await waitFor(
      'the upload to reach 100 %',
      async () => (await page.textContent('[data-upload-status]'))?.includes('Upload 100% klaar'),
      60_000,
    );
    expect(await page.getAttribute('[data-upload]', 'data-percent')).toBe('100');
    const cut = patches.findIndex((p) => p.aborted);
    expect(cut).toBe(3);
    // Resumed from where the bytes stopped, not from the start.
    expect(patches[cut + 1].offset).toBeGreaterThan(0);
    expect(patches[cut + 1].offset).toBe(patches[cut].offset);
    await page.unroute('**/admin/uploads/**');

    // Processing is watched live; the page reloads with the result when ready.
    await waitFor(
      'processing to finish',
      async () => (await t.episodes.get(episodeId)).status === 'ready',
      90_000,
    );
    await page.waitForSelector('.za-quality', { timeout: 30_000 });
    expect(await page.textContent('.za-quality')).toMatch(/Luidheid −1\d,\d LUFS: goed/);
    await visit(page, 'episode');

    // Fill the first transcript cue and save it.
    const firstCue = page.locator('.za-cue textarea').first();
    await firstCue.fill('Welkom bij Mensenrechten dichtbij.');
    await page.click('button:has-text("Transcript opslaan")');
    await page.waitForSelector('text=Opgeslagen.');
    expect(await page.locator('.za-cue textarea').first().inputValue()).toBe(
      'Welkom bij Mensenrechten dichtbij.',
    );

    // A first chapter at 0:00, then one at the player's current time.
    await page.fill('#chapter-title-0', 'Welkom');
    await page.click('button:has-text("Hoofdstukken opslaan")');
    await page.waitForSelector('text=Opgeslagen.');
    await page.waitForFunction(() => (document.querySelector('audio') as HTMLAudioElement).readyState >= 1);
    await page.evaluate(() => {
      (document.querySelector('audio') as HTMLAudioElement).currentTime = 5;
    });
    await page.click('button:has-text("Hoofdstuk op huidige tijd")');
    expect(await page.inputValue('#chapter-start-1')).toBe('0:05');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('chapter-title-1');
    await page.keyboard.type('Het gesprek');
    await page.click('button:has-text("Hoofdstukken opslaan")');
    await page.waitForSelector('text=Opgeslagen.');
    expect((await t.chapters.get(episodeId))?.chapters.map((c) => [c.startTime, c.title])).toEqual([
      [0, 'Welkom'],
      [5, 'Het gesprek'],
    ]);

    // Publish now, after the feed check, and find the episode in the feed.
    expect(await page.textContent('#publish')).toContain('Advies');
    await page.click('button:has-text("Nu publiceren")');
    await page.waitForSelector('text=De aflevering is gepubliceerd.');
    const feed = await waitFor(
      'the feed with the episode',
      async () => {
        const response = await fetch(`${served.origin}/feeds/mensenrechten-dichtbij.xml`);
        const text = response.ok ? await response.text() : '';
        return text.includes('Wonen is een recht') && text;
      },
      20_000,
    );
    expect(feed).toContain('<itunes:category text="Government"');

    // The drafts arrive from a job; edit one with a live counter and approve it.
    await waitFor(
      'the social drafts',
      async () => {
        await page.reload();
        return (await page.locator('[data-draft]').count()) > 0;
      },
      30_000,
    );
    const mastodon = page
      .locator('[data-draft]')
      .filter({ has: page.locator('h3', { hasText: 'Mastodon' }) });
    const counter = mastodon.locator('[data-counter]');
    const before = await counter.textContent();
    await mastodon.locator('textarea').press('Control+End');
    await mastodon.locator('textarea').type(' Luister mee!');
    await waitFor('the counter to follow the typing', async () => (await counter.textContent()) !== before);
    expect(await counter.textContent()).toMatch(/^\d+ van 500 tekens$/);
    await visit(page, 'drafts');
    await mastodon.locator('button:has-text("Goedkeuren")').click();
    await page.waitForSelector('text=Opgeslagen.');
    const approved = (await t.staff.audit.list({ episodeId })).map((e) => e.action);
    expect(approved).toEqual(
      expect.arrayContaining(['draft.approved', 'episode.published', 'episode.uploaded']),
    );
    const drafts = (await (await t.call('GET', `/api/v1/episodes/${episodeId}/social-drafts`)).json())
      .items as {
      channel: string;
      status: string;
      text: string;
    }[];
    expect(drafts.find((d) => d.channel === 'mastodon')).toMatchObject({ status: 'approved' });
    expect((drafts.find((d) => d.channel === 'mastodon')?.text ?? '').endsWith('Luister mee!')).toBe(true);

    // People and tokens.
    await page.click('nav >> text=Mensen');
    await visit(page, 'people');
    await page.click('nav >> text=API-tokens');
    await visit(page);

    // Nothing left zender: its port here, or its BASE_URL (the test app's, where artwork URLs point).
    const own = (url: string) =>
      url.startsWith(served.origin) || url.startsWith(t.baseUrl) || url.startsWith('data:');
    expect(requests.filter((url) => !own(url))).toEqual([]);
    await ctx.close();
  }, 300_000);

  it('keeps viewers and show-limited editors to what they may do', async () => {
    const other = await t.shows.create({
      title: 'Andere podcast',
      description: 'x',
      author: 'y',
      owner: { email: 'a@b.nl' },
    });
    const shows = (await t.shows.list({ limit: 10 })).items;
    const own = shows.find((s) => s.id !== other.id)!;
    await t.staff.users.create({
      email: 'lezer@gemeente.example',
      name: 'Lex',
      role: 'viewer',
      password: goodPassword,
    });
    await t.staff.users.create({
      email: 'beperkt@gemeente.example',
      name: 'Bep',
      role: 'editor',
      password: goodPassword,
      showIds: [own.id],
    });

    const viewer = await context();
    await signInWith(viewer.page, 'lezer@gemeente.example', goodPassword);
    await viewer.page.waitForURL(`${served.origin}/admin`);
    await viewer.page.goto(`${served.origin}/admin/shows/${own.id}`);
    expect(await viewer.page.locator('main form[method=post]').count()).toBe(0);
    expect(await viewer.page.locator('text=Nieuwe podcast').count()).toBe(0);
    const forged = await viewer.page.evaluate(async (id) => {
      const csrf = document.body.dataset.csrf!;
      const body = new URLSearchParams({ _csrf: csrf, title: 'Gekaapt' });
      return (await fetch(`/admin/shows/${id}/episodes`, { method: 'POST', body })).status;
    }, own.id);
    expect(forged).toBe(403);
    const noToken = await viewer.page.evaluate(
      async () => (await fetch('/admin/logout', { method: 'POST' })).status,
    );
    expect(noToken).toBe(403);
    await viewer.ctx.close();

    const limited = await context({ width: 360 });
    await signInWith(limited.page, 'beperkt@gemeente.example', goodPassword);
    await limited.page.waitForURL(`${served.origin}/admin`);
    expect(await limited.page.textContent('main')).not.toContain('Andere podcast');
    const refused = await limited.page.goto(`${served.origin}/admin/shows/${other.id}`);
    expect(refused?.status()).toBe(404);
    await visit(limited.page);
    await limited.ctx.close();
  }, 60_000);

  it('answers the sixth wrong password with 429 and a wait', async () => {
    await t.staff.users.create({
      email: 'doelwit@gemeente.example',
      name: 'D',
      role: 'viewer',
      password: goodPassword,
    });
    const { ctx, page } = await context();
    const statuses: number[] = [];
    for (let i = 1; i <= 6; i++) {
      await page.goto(`${served.origin}/admin/login`);
      await page.fill('input[name=email]', 'doelwit@gemeente.example');
      await page.fill('input[name=password]', `verkeerd wachtwoord ${i}`);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.press('input[name=password]', 'Enter'),
      ]);
      statuses.push(response.status());
      if (i === 6) expect(Number(response.headers()['retry-after'])).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect(await page.textContent('[role=alert]')).toContain('Te veel mislukte pogingen');
    await visit(page);
    await ctx.close();
  }, 60_000);

  it('finds no WCAG 2.1 AA problem on any visited screen at 360 and 1280 px, light and dark', async () => {
    expect(visited.size).toBeGreaterThanOrEqual(7);
    // Light at 1280 px was checked on each screen during the journey; here the other three.
    for (const [dark, width] of [
      [false, 360],
      [true, 360],
      [true, 1280],
    ] as const) {
      {
        const { ctx, page } = await context({ width, dark });
        await signInWith(page, 'eva@gemeente.example', goodPassword);
        await page.waitForURL(`${served.origin}/admin`);
        for (const pathname of visited) {
          await page.goto(`${served.origin}${pathname}`);
          const violations = await axe(page);
          expect({ pathname, width, dark, violations }).toEqual({ pathname, width, dark, violations: [] });
        }
        await ctx.close();
      }
    }
  }, 240_000);
});
