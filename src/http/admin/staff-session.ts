import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { StaffSessions } from '../../domain/staff/staff-sessions.js';
import type { AdminAssets } from '../../web/admin/admin-assets.js';
import type { NavItem } from '../../web/admin/admin-context.js';
import type { AdminEnv } from './admin-env.js';
import { buildContext } from './admin-render.js';
import { csrfMatches, isSafeMethod } from './csrf.js';
import { sessionCookie } from './sign-in-routes.js';

/**
 * Every staff screen behind this: a live session from the `zender_session` cookie (a bearer
 * token is never looked at), else the sign-in page for a page view and 401 for anything else;
 * and for every state-changing request the session's CSRF token, else 403.
 */
export function staffSession(deps: {
  sessions: StaffSessions;
  assets: AdminAssets;
  nav: NavItem[];
}): MiddlewareHandler<AdminEnv> {
  return async function requireStaffSession(c, next) {
    const session = await deps.sessions.resume(getCookie(c, sessionCookie));
    if (!session) {
      if (c.req.method === 'GET' && c.req.header('accept')?.includes('text/html') !== false)
        return c.redirect('/admin/login', 303);
      return c.text('Niet aangemeld / Not signed in', 401);
    }
    c.set('staff', session);
    const ctx = buildContext(c, {
      user: session.user,
      csrfToken: session.csrfToken,
      assets: deps.assets,
      nav: deps.nav,
    });
    c.set('ctx', ctx);
    if (!isSafeMethod(c.req.method) && !(await csrfMatches(c, session.csrfToken)))
      return c.text(ctx.t.csrfText, 403);
    await next();
  };
}
