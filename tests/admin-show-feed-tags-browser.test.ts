import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './helpers/browser.js';
import { publishableShow } from './helpers/ready-episode.js';
import { type ServedApp, serveApp } from './helpers/serve-app.js';
import { goodPassword } from './helpers/staff-session.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function axe(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// One database: the browser tests the screen; the HTTP suites cover both dialects.
describe('the feed tags of the show form in Chromium', () => {
  let t: TestApp;
  let served: ServedApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await openTestApp(testDatabases()[0]);
    served = await serveApp(t);
    browser = await launchBrowser();
    await t.staff.users.create({
      email: 'eva@gemeente.example',
      name: 'Eva de Vries',
      role: 'editor',
      password: goodPassword,
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await t?.close();
  });

  it('is filled in by label, and a refusal is read out with the field it belongs to, at 360 and 1280 px', async () => {
    const show = await publishableShow(t, { slug: 'kaart' });
    for (const [width, dark] of [
      [1280, false],
      [360, true],
    ] as const) {
      const ctx = await browser.newContext({
        viewport: { width, height: 900 },
        colorScheme: dark ? 'dark' : 'light',
        locale: 'nl-NL',
      });
      const page = await ctx.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(`${served.origin}/admin/login`);
      await page.fill('input[name=email]', 'eva@gemeente.example');
      await page.fill('input[name=password]', goodPassword);
      await page.press('input[name=password]', 'Enter');
      await page.waitForURL(`${served.origin}/admin`);
      await page.goto(`${served.origin}/admin/shows/${show.id}`);

      const place = page.getByRole('group', { name: 'Plaats waar de podcast over gaat' });
      await place.getByLabel('Naam van de plaats').fill('Amsterdam');
      await place.getByLabel('Coördinaten (geo-URI)').fill('52.37,4.89');
      await page.getByLabel('Licentie', { exact: true }).selectOption('custom');
      await page.getByLabel('Naam van de eigen licentie').fill('eigen');
      await page.getByLabel('Verbergen in Apple Podcasts (itunes:block)').check();
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Opslaan' }).click(),
      ]);

      const geo = place.getByLabel('Coördinaten (geo-URI)');
      await expect(geo.getAttribute('aria-invalid')).resolves.toBe('true');
      // The hint and the error are the field's description, as a screen reader announces them.
      const description = await geo.evaluate((input) =>
        (input.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent)
          .join(' '),
      );
      expect(description).toContain('Breedte en lengte, zoals geo:52.3676,4.9041.');
      expect(description).toContain('Vul coördinaten in zoals geo:52.3676,4.9041');
      await expect(geo.inputValue()).resolves.toBe('52.37,4.89');
      await expect(page.getByLabel('Adres van de licentietekst').getAttribute('aria-invalid')).resolves.toBe(
        'true',
      );
      await expect(page.getByLabel('Verbergen in Apple Podcasts (itunes:block)').isChecked()).resolves.toBe(
        true,
      );
      expect(await axe(page)).toEqual([]);
      await ctx.close();
    }
    expect((await (await t.call('GET', `/api/v1/shows/${show.id}`)).json()).block).toBe(false);
  }, 120_000);
});
