import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './helpers/browser.js';
import { type ServedApp, serveApp } from './helpers/serve-app.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

describe('/docs in Chromium under its CSP', () => {
  let t: TestApp;
  let served: ServedApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await openTestApp(testDatabases()[0]);
    served = await serveApp(t);
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await t?.close();
  });

  it('renders every operation and runs "Try it out" with nothing blocked by the policy', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportViolation(text: string): void }).reportViolation(
          `${event.violatedDirective} ${event.blockedURI}`,
        ),
      );
    });
    const response = await page.goto(`${served.origin}/docs`);
    expect(response?.headers()['content-security-policy']).not.toContain('unsafe-inline');
    await page.waitForSelector('.opblock-tag', { timeout: 20_000 });
    expect(await page.locator('.opblock').count()).toBeGreaterThan(20);

    // GET /api/v1/shows without a token: the request leaves the page (connect-src) and the 401 shows.
    const operation = page.locator('#operations-Shows-get_api_v1_shows');
    await operation.locator('.opblock-summary').click();
    await operation.getByRole('button', { name: 'Try it out' }).click();
    await operation.getByRole('button', { name: 'Execute' }).click();
    await expect
      .poll(async () => operation.locator('.live-responses-table tbody .response-col_status').textContent(), {
        timeout: 10_000,
      })
      .toContain('401');
    expect(violations).toEqual([]);
    await page.close();
  }, 60_000);
});
