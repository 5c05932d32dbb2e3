import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { goodPassword, signIn, staffAs } from './helpers/staff-session.js';
import { minimalShow, openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

describe.each(testDatabases())('staff sign-in and sessions ($name)', (database) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await openTestApp(database);
  });
  afterEach(async () => {
    await t.close();
  });

  it('shows a sign-in form with email and password fields, Dutch first, English on request', async () => {
    const dutch = await t.app.request(`${t.baseUrl}/admin/login`);
    expect(dutch.status).toBe(200);
    const html = await dutch.text();
    expect(html).toContain('<html lang="nl"');
    expect(html).toMatch(/<form method="post" action="\/admin\/login"/);
    expect(html).toContain('name="email"');
    expect(html).toContain('name="password"');
    expect(html).toContain('Aanmelden');
    expect(dutch.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    const english = await t.app.request(`${t.baseUrl}/admin/login`, {
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(await english.text()).toContain('Sign in with the e-mail address');
  });

  it('signs in to /admin with a session cookie that is HttpOnly and SameSite=Lax, and signs out everywhere', async () => {
    await t.staff.users.create({
      email: 'Redactie@Gemeente.example',
      name: 'Anna',
      role: 'editor',
      password: goodPassword,
    });
    const form = await t.app.request(`${t.baseUrl}/admin/login`);
    const pre = /zender_csrf=([^;]+)/.exec(form.headers.get('set-cookie') ?? '')![1];
    const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1];
    const answer = await t.app.request(`${t.baseUrl}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `zender_csrf=${pre}` },
      body: new URLSearchParams({ email: 'redactie@gemeente.example', password: goodPassword, _csrf: token }),
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/admin');
    const setCookie = answer.headers.getSetCookie().find((c) => c.startsWith('zender_session='))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i); // BASE_URL is http here
    const cookie = setCookie.split(';')[0];
    const overview = await t.app.request(`${t.baseUrl}/admin`, { headers: { cookie } });
    expect(overview.status).toBe(200);
    expect(await overview.text()).toContain('Anna');

    // A second "device" with its own session; signing out ends only the signed-out one…
    const other = await signIn(t, 'redactie@gemeente.example', goodPassword);
    if (other instanceof Response) throw new Error('second sign-in failed');
    const csrf = /data-csrf="([^"]+)"/.exec(
      await (await t.app.request(`${t.baseUrl}/admin`, { headers: { cookie } })).text(),
    )![1];
    const out = await t.app.request(`${t.baseUrl}/admin/logout`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf }),
    });
    expect(out.status).toBe(303);
    const after = await t.app.request(`${t.baseUrl}/admin`, { headers: { cookie, accept: 'text/html' } });
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toBe('/admin/login');
    expect((await other.get('/admin')).status).toBe(200);
  });

  it('refuses a wrong password with the same answer as an unknown address, and the sixth try gets 429 with Retry-After', async () => {
    await t.staff.users.create({
      email: 'a@gemeente.example',
      name: 'A',
      role: 'viewer',
      password: goodPassword,
    });
    const unknown = await signIn(t, 'nobody@gemeente.example', 'wrong password 1');
    expect(unknown).toBeInstanceOf(Response);
    expect((unknown as Response).status).toBe(401);
    for (let attempt = 1; attempt <= 5; attempt++) {
      const wrong = (await signIn(t, 'a@gemeente.example', `wrong password ${attempt}`)) as Response;
      expect(wrong.status).toBe(401);
      expect(await wrong.text()).toContain('horen niet bij een actief account');
    }
    const sixth = (await signIn(t, 'a@gemeente.example', goodPassword)) as Response;
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await sixth.text()).toContain('Te veel mislukte pogingen');
    // The count lives in the database, so another process (another app on the same db) agrees.
    expect(await t.staff.users.list()).toHaveLength(1);
  });

  it('answers 403 to a state-changing request without the CSRF token', async () => {
    const editor = await staffAs(t, 'editor');
    const refused = await editor.post('/admin/shows', { ...flatShow() }, { csrf: false });
    expect(refused.status).toBe(403);
    const forged = await t.app.request(`${t.baseUrl}/admin/shows`, {
      method: 'POST',
      headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...flatShow(), _csrf: 'not-the-token' }),
    });
    expect(forged.status).toBe(403);
    expect((await t.call('GET', '/api/v1/shows').then((r) => r.json())).items).toHaveLength(0);
    const accepted = await editor.post('/admin/shows', flatShow());
    expect(accepted.status).toBe(303);
  });

  it('keeps sessions out of /api and tokens out of the pages', async () => {
    const admin = await staffAs(t, 'admin');
    const api = await t.app.request(`${t.baseUrl}/api/v1/shows`, { headers: { cookie: admin.cookie } });
    expect(api.status).toBe(401);
    const token = await t.tokenFor('admin');
    const page = await t.app.request(`${t.baseUrl}/admin`, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/html' },
    });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/admin/login');
  });

  it('ends every session of an account at once when it is disabled', async () => {
    const admin = await staffAs(t, 'admin');
    const editor = await staffAs(t, 'editor');
    const editorId = (await t.staff.users.list()).find((u) => u.role === 'editor')!.id;
    expect((await admin.post(`/admin/people/${editorId}`, { action: 'disable' })).status).toBe(303);
    expect((await editor.get('/admin', { accept: 'text/html' })).status).toBe(303);
    expect(await signIn(t, 'editor@gemeente.example', goodPassword)).toBeInstanceOf(Response);
  });

  it('invites with a one-time link valid once, refusing a common password', async () => {
    const admin = await staffAs(t, 'admin');
    const page = await admin.post('/admin/people', {
      name: 'Bram',
      email: 'bram@gemeente.example',
      role: 'viewer',
    });
    const html = await page.text();
    const link = /value="(http:\/\/zender\.test\/admin\/invitation\/[^"]+)"/.exec(html)![1];
    const path = new URL(link).pathname;
    const form = await t.app.request(`${t.baseUrl}${path}`);
    expect(form.status).toBe(200);
    const pre = /zender_csrf=([^;]+)/.exec(form.headers.get('set-cookie') ?? '')![1];
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1];
    const post = (password: string) =>
      t.app.request(`${t.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `zender_csrf=${pre}` },
        body: new URLSearchParams({ password, _csrf: csrf }),
      });
    const common = await post('Wachtwoord1234!');
    expect(common.status).toBe(400);
    expect(await common.text()).toContain('komt te vaak voor');
    expect((await post('kort')).status).toBe(400);
    expect((await post(goodPassword)).status).toBe(303);
    expect((await post('een-ander-lang-wachtwoord')).status).toBe(410);
    expect(await signIn(t, 'bram@gemeente.example', goodPassword)).not.toBeInstanceOf(Response);
  });

  it('lets only admin tokens manage accounts over /api/v1/users', async () => {
    const editorToken = await t.tokenFor('editor');
    expect((await t.call('GET', '/api/v1/users', { token: editorToken })).status).toBe(403);
    const created = await t.call('POST', '/api/v1/users', {
      json: { email: 'c@gemeente.example', name: 'C', role: 'editor' },
    });
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body.user).toMatchObject({
      email: 'c@gemeente.example',
      role: 'editor',
      hasPassword: false,
      showIds: null,
    });
    expect(body.invitation.url).toMatch(/^http:\/\/zender\.test\/admin\/invitation\//);
    const duplicate = await t.call('POST', '/api/v1/users', {
      json: { email: 'C@gemeente.example', name: 'C', role: 'editor' },
    });
    expect(duplicate.status).toBe(409);
    const patched = await t.call('PATCH', `/api/v1/users/${body.user.id}`, {
      json: { role: 'viewer', disabled: true },
    });
    expect(await patched.json()).toMatchObject({ role: 'viewer', disabled: true });
  });
});

function flatShow(): Record<string, string> {
  return {
    title: minimalShow.title,
    description: minimalShow.description,
    author: minimalShow.author,
    ownerEmail: minimalShow.owner.email,
    category: 'Government',
    language: 'nl',
  };
}
