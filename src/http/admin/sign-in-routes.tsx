import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { randomToken } from '../../common/ids.js';
import { InvalidInputError } from '../../domain/errors.js';
import type { SignInThrottle } from '../../domain/staff/sign-in-throttle.js';
import type { StaffSessions } from '../../domain/staff/staff-sessions.js';
import type { UsersService } from '../../domain/staff/users-service.js';
import type { TrustProxy } from '../../net/client-address.js';
import type { AdminAssets } from '../../web/admin/admin-assets.js';
import type { NavItem } from '../../web/admin/admin-context.js';
import { type AdminLabels, fillLabel } from '../../web/admin/admin-labels.js';
import { SetPasswordForm, SignInForm } from '../../web/admin/sign-in-page.js';
import { buildContext, localeCookie, renderAdmin } from './admin-render.js';
import { requestAddress } from './client-address.js';
import { csrfMatches } from './csrf.js';

export const sessionCookie = 'zender_session';
/** Before there is a session, forms are protected by a double-submit cookie. */
const preCsrfCookie = 'zender_csrf';

export interface SignInDeps {
  users: UsersService;
  sessions: StaffSessions;
  throttle: SignInThrottle;
  assets: AdminAssets;
  nav: NavItem[];
  secureCookies: boolean;
  trustProxy?: TrustProxy;
}

export function passwordMessage(t: AdminLabels, error: unknown): string | null {
  if (!(error instanceof InvalidInputError)) return null;
  const code = error.problems.find((p) => p.field === 'password')?.code as keyof AdminLabels | undefined;
  return code && code in t ? t[code] : null;
}

/** GET and POST /login, POST /logout, the invitation page, and the language switch before sign-in. */
export function signInRoutes(deps: SignInDeps) {
  const app = new Hono();
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.secureCookies,
    path: '/admin',
  } as const;

  function preCsrf(c: Parameters<typeof getCookie>[0]): string {
    let token = getCookie(c, preCsrfCookie);
    if (!token || token.length > 64) {
      token = randomToken(24);
      setCookie(c, preCsrfCookie, token, cookieOptions);
    }
    return token;
  }

  const context = (c: Parameters<typeof getCookie>[0], csrfToken: string) =>
    buildContext(c, { user: null, csrfToken, assets: deps.assets, nav: deps.nav });

  async function loginPage(
    c: Parameters<typeof getCookie>[0],
    options: { email?: string; error?: string; notice?: string; status?: number } = {},
  ) {
    const ctx = context(c, preCsrf(c));
    return renderAdmin(c, ctx, {
      title: ctx.t.signInTitle,
      status: options.status,
      error: options.error,
      notice: options.notice,
      body: <SignInForm ctx={ctx} email={options.email ?? ''} />,
    });
  }

  /** An invitation link that has expired or was used already. */
  function invitationGone(c: Parameters<typeof getCookie>[0], ctx: ReturnType<typeof context>) {
    return renderAdmin(c, ctx, {
      title: ctx.t.setPasswordTitle,
      status: 410,
      error: ctx.t.invitationInvalid,
      body: null,
    });
  }

  app.get('/login', (c) => {
    const notice = c.req.query('done');
    const ctx = context(c, '');
    return loginPage(c, {
      notice: notice === 'out' ? ctx.t.signedOut : notice === 'password' ? ctx.t.passwordSet : undefined,
    });
  });

  app.post('/login', async (c) => {
    const expected = getCookie(c, preCsrfCookie) ?? '';
    if (!(await csrfMatches(c, expected))) return c.text(context(c, '').t.csrfText, 403);
    const form = await c.req.parseBody();
    const email = typeof form.email === 'string' ? form.email.slice(0, 254) : '';
    const password = typeof form.password === 'string' ? form.password : '';
    const address = requestAddress(c, deps.trustProxy);
    const wait = await deps.throttle.retryAfter(email, address);
    if (wait > 0) {
      const t = context(c, '').t;
      const response = await loginPage(c, {
        email,
        status: 429,
        error: fillLabel(t.signInThrottled, { minutes: Math.ceil(wait / 60) }),
      });
      response.headers.set('retry-after', String(wait));
      return response;
    }
    const user = email && password ? await deps.users.checkCredentials(email, password) : null;
    if (!user) {
      await deps.throttle.failed(email, address);
      return loginPage(c, { email, status: 401, error: context(c, '').t.signInFailed });
    }
    await deps.throttle.succeeded(email);
    const { cookie } = await deps.sessions.start(user.id);
    setCookie(c, sessionCookie, cookie, { ...cookieOptions, maxAge: deps.sessions.idleSeconds * 12 });
    deleteCookie(c, preCsrfCookie, { path: '/admin' });
    return c.redirect('/admin', 303);
  });

  app.get('/invitation/:token', async (c) => {
    const user = await deps.users.invitation(c.req.param('token'));
    const ctx = context(c, preCsrf(c));
    if (!user) return invitationGone(c, ctx);
    return renderAdmin(c, ctx, {
      title: ctx.t.setPasswordTitle,
      body: <SetPasswordForm ctx={ctx} email={user.email} />,
    });
  });

  app.post('/invitation/:token', async (c) => {
    const ctx = context(c, preCsrf(c));
    if (!(await csrfMatches(c, getCookie(c, preCsrfCookie) ?? ''))) return c.text(ctx.t.csrfText, 403);
    const token = c.req.param('token');
    const user = await deps.users.invitation(token);
    if (!user) return invitationGone(c, ctx);
    const form = await c.req.parseBody();
    const password = typeof form.password === 'string' ? form.password : '';
    try {
      await deps.users.acceptInvitation(token, password);
    } catch (error) {
      const message = passwordMessage(ctx.t, error);
      if (!message) throw error;
      return renderAdmin(c, ctx, {
        title: ctx.t.setPasswordTitle,
        status: 400,
        error: ctx.t.formErrors,
        body: <SetPasswordForm ctx={ctx} email={user.email} error={message} />,
      });
    }
    return c.redirect('/admin/login?done=password', 303);
  });

  return app;
}

/** The pre-session language switch (the sign-in page): a cookie, protected like the sign-in form. */
export function anonymousLocale(secureCookies: boolean) {
  return async (c: Parameters<typeof getCookie>[0], locale: 'nl' | 'en') => {
    if (!(await csrfMatches(c, getCookie(c, preCsrfCookie) ?? ''))) return false;
    setCookie(c, localeCookie, locale, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: secureCookies,
      path: '/admin',
      maxAge: 365 * 86400,
    });
    return true;
  };
}
