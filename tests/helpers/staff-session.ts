import type { Role } from '../../src/domain/tokens-service.js';
import type { TestApp } from './test-app.js';

export const goodPassword = 'paarse-fiets-onder-de-brug';

/** The value of one cookie in a response's Set-Cookie headers. */
export function cookieFrom(response: Response, name: string): string | null {
  for (const line of response.headers.getSetCookie()) {
    const match = new RegExp(`^${name}=([^;]*)`).exec(line);
    if (match) return match[1];
  }
  return null;
}

/** The CSRF token a page carries (every form's hidden _csrf field). */
export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF field on the page');
  return match[1];
}

export interface StaffBrowser {
  cookie: string;
  csrf: string;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** A form post with the CSRF token (unless `csrf: false`). */
  post(
    path: string,
    fields?: Record<string, string | string[]>,
    options?: { csrf?: boolean },
  ): Promise<Response>;
}

/** Signs in through the real form, as a browser would (pre-session CSRF cookie included). */
export async function signIn(t: TestApp, email: string, password: string): Promise<StaffBrowser | Response> {
  const form = await t.app.request(`${t.baseUrl}/admin/login`);
  const pre = cookieFrom(form, 'zender_csrf');
  const answer = await t.app.request(`${t.baseUrl}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `zender_csrf=${pre}` },
    body: new URLSearchParams({ email, password, _csrf: csrfOf(await form.text()) }),
  });
  const session = cookieFrom(answer, 'zender_session');
  if (answer.status !== 303 || !session) return answer;
  const cookie = `zender_session=${session}`;
  const overview = await t.app.request(`${t.baseUrl}/admin`, { headers: { cookie } });
  const csrf = csrfOf(await overview.text());
  const browser: StaffBrowser = {
    cookie,
    csrf,
    get: async (path, headers = {}) =>
      t.app.request(`${t.baseUrl}${path}`, { headers: { cookie, ...headers } }),
    async post(path, fields = {}, options = {}) {
      const body = new URLSearchParams();
      for (const [key, value] of Object.entries(fields))
        for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
      if (options.csrf !== false) body.append('_csrf', csrf);
      return t.app.request(`${t.baseUrl}${path}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    },
  };
  return browser;
}

/** Makes an account with a password and signs it in. */
export async function staffAs(
  t: TestApp,
  role: Role,
  options: { email?: string; showIds?: string[] | null } = {},
): Promise<StaffBrowser> {
  const email = options.email ?? `${role}@gemeente.example`;
  await t.staff.users.create({
    email,
    name: `Test ${role}`,
    role,
    password: goodPassword,
    showIds: options.showIds ?? null,
  });
  const browser = await signIn(t, email, goodPassword);
  if (browser instanceof Response) throw new Error(`sign-in failed: ${browser.status}`);
  return browser;
}
