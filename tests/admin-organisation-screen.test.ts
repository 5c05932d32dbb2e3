import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type StaffBrowser, staffAs } from './helpers/staff-session.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

const settings = (overrides: Record<string, string> = {}) => ({
  name: 'Kennisplatform Mensenrechten',
  website: 'https://mensenrechten.example',
  accentColor: '#154273',
  linkLabel0: 'Contact',
  linkUrl0: 'mailto:podcast@mensenrechten.example',
  privacyNl: 'Wij bewaren geen IP-adressen.',
  privacyEn: '',
  accessibilityNl: '',
  accessibilityEn: 'We aim for WCAG 2.1 AA.',
  ...overrides,
});

/** A multipart form post with the page's CSRF token, as the browser sends a file. */
async function upload(t: TestApp, browser: StaffBrowser, path: string, file: Blob, name: string) {
  const body = new FormData();
  body.append('_csrf', browser.csrf);
  body.append('logo', file, name);
  return t.app.request(`${t.baseUrl}${path}`, { method: 'POST', headers: { cookie: browser.cookie }, body });
}

describe.each(testDatabases())('organisation screen over HTTP ($name)', (database) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await openTestApp(database);
  });
  afterEach(async () => {
    await t.close();
  });

  it('is for admins only, in the menu and behind the CSRF token', async () => {
    const editor = await staffAs(t, 'editor');
    expect(await (await editor.get('/admin')).text()).not.toContain('/admin/organisation');
    expect((await editor.get('/admin/organisation')).status).toBe(403);
    expect((await editor.post('/admin/organisation', settings())).status).toBe(403);
    const admin = await staffAs(t, 'admin');
    expect(await (await admin.get('/admin')).text()).toContain(
      '<a href="/admin/organisation">Organisatie</a>',
    );
    expect((await admin.post('/admin/organisation', settings(), { csrf: false })).status).toBe(403);
    expect((await t.app.request(`${t.baseUrl}/admin/organisation`)).status).toBe(303);
    expect(await (await t.app.request(`${t.baseUrl}/privacy`)).text()).not.toContain('Wij bewaren geen');
  });

  it('saves the settings the public pages use, and resets a statement to the default', async () => {
    const admin = await staffAs(t, 'admin');
    const saved = await admin.post('/admin/organisation', settings());
    expect(saved.status).toBe(303);
    const page = await (await admin.get(saved.headers.get('location')!)).text();
    expect(page).toContain('De instellingen zijn opgeslagen.');
    expect(page).toContain('value="#154273"');
    expect(page).toContain('value="mailto:podcast@mensenrechten.example"');
    expect(page).toContain('Standaardtekst terugzetten: Privacyverklaring (Nederlands)');
    const organisation = await t.organisation.get();
    expect(organisation).toMatchObject({
      name: 'Kennisplatform Mensenrechten',
      website: 'https://mensenrechten.example',
      accentColor: '#154273',
      footerLinks: [{ label: 'Contact', url: 'mailto:podcast@mensenrechten.example' }],
      statements: {
        privacy: { nl: 'Wij bewaren geen IP-adressen.', en: null },
        accessibility: { nl: null, en: 'We aim for WCAG 2.1 AA.' },
      },
    });
    const home = await (await t.app.request(`${t.baseUrl}/`)).text();
    expect(home).toContain('Kennisplatform Mensenrechten');

    expect((await admin.post('/admin/organisation/reset', { statement: 'privacyNl' })).status).toBe(303);
    expect((await t.organisation.get()).statements.privacy.nl).toBeNull();
    expect((await t.organisation.get()).statements.accessibility.en).toBe('We aim for WCAG 2.1 AA.');
  });

  it('refuses a pale brand colour with the contrast reason next to the field, keeping everything typed', async () => {
    const admin = await staffAs(t, 'admin');
    const refused = await admin.post(
      '/admin/organisation',
      settings({ accentColor: '#ffdd00', name: 'Nieuwe naam', privacyEn: 'No IP addresses <kept>.' }),
    );
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toMatch(/id="f-accentColor-error">De kleur #ffdd00 heeft een contrast van 1\.\d+:1/);
    expect(html).toContain('minstens 4.5:1');
    expect(html).toContain('value="#ffdd00"');
    expect(html).toContain('value="Nieuwe naam"');
    expect(html).toContain('No IP addresses &lt;kept&gt;.');
    expect(html).toContain('value="mailto:podcast@mensenrechten.example"');
    expect((await t.organisation.get()).name).toBe('zender');

    const badLinks = await admin.post('/admin/organisation', settings({ linkUrl0: 'javascript:alert(1)' }));
    expect(badLinks.status).toBe(400);
    expect(await badLinks.text()).toContain('id="f-footerLinks-error"');
    expect((await t.organisation.get()).footerLinks).toEqual([]);
  });

  it('takes a PNG logo with a preview field and refuses an unsafe SVG with the reason', async () => {
    const admin = await staffAs(t, 'admin');
    const form = await (await admin.get('/admin/organisation')).text();
    expect(form).toContain('data-preview="#logo-preview"');
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><script>alert(1)</script></svg>';
    const unsafe = await upload(
      t,
      admin,
      '/admin/organisation/logo',
      new Blob([svg], { type: 'image/svg+xml' }),
      'logo.svg',
    );
    expect(unsafe.status).toBe(422);
    expect(await unsafe.text()).toMatch(/id="f-logo-error">Deze SVG verwijst naar iets buiten het bestand/);
    expect((await t.organisation.get()).logo).toBeNull();

    const png = await sharp({ create: { width: 240, height: 80, channels: 3, background: '#154273' } })
      .png()
      .toBuffer();
    const taken = await upload(
      t,
      admin,
      '/admin/organisation/logo',
      new Blob([png], { type: 'image/png' }),
      'logo.png',
    );
    expect(taken.status).toBe(303);
    const logo = (await t.organisation.get()).logo!;
    expect(logo).toMatchObject({ width: 240, height: 80 });
    const page = await (await admin.get('/admin/organisation')).text();
    expect(page).toContain(`src="/${logo.key}"`);
    expect((await t.app.request(`${t.baseUrl}/${logo.key}`)).status).toBe(200);
    expect((await admin.post('/admin/organisation/logo/remove')).status).toBe(303);
    expect((await t.organisation.get()).logo).toBeNull();
  });
});
