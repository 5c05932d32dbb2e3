import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { StaffUser } from '../../domain/staff/staff-user.js';
import { pickLocale } from '../../http/locale.js';
import type { AdminAssets } from '../../web/admin/admin-assets.js';
import type { AdminContext, NavItem } from '../../web/admin/admin-context.js';
import { adminLabels } from '../../web/admin/admin-labels.js';
import { AdminLayout } from '../../web/admin/admin-layout.js';
import { renderHtml } from '../../web/render-html.js';
import { securityHeaders } from '../../web/security-headers.js';

export const localeCookie = 'zender_lang';

/** The language of a screen: the account's choice, else the cookie set on the sign-in page, else the browser's. */
export function localeOf(c: Context, user: StaffUser | null): 'nl' | 'en' {
  if (user?.locale) return user.locale;
  const cookie = /(?:^|;\s*)zender_lang=(nl|en)\b/.exec(c.req.header('cookie') ?? '');
  return (cookie?.[1] as 'nl' | 'en' | undefined) ?? pickLocale(c.req.header('accept-language'));
}

export function buildContext(
  c: Context,
  options: { user: StaffUser | null; csrfToken: string; assets: AdminAssets; nav: NavItem[] },
): AdminContext {
  const locale = localeOf(c, options.user);
  return {
    locale,
    t: adminLabels[locale],
    user: options.user,
    csrfToken: options.csrfToken,
    stylePath: options.assets.stylePath,
    scriptPath: options.assets.scriptPath,
    tusPath: options.assets.tusPath,
    nav: options.nav,
    mediaOrigins: options.assets.mediaOrigins,
    path: new URL(c.req.url).pathname,
  };
}

/**
 * A staff screen as a response: no caching anywhere (it shows one person's view), a CSP that
 * allows only zender's own files and no inline anything, and no framing by other sites.
 */
export async function renderAdmin(
  c: Context,
  ctx: AdminContext,
  page: {
    title: string;
    notice?: string | null;
    error?: string | null;
    status?: number;
    body: Child;
    head?: Child;
  },
): Promise<Response> {
  const html = await renderHtml(
    <AdminLayout ctx={ctx} title={page.title} notice={page.notice} error={page.error} head={page.head}>
      {page.body}
    </AdminLayout>,
  );
  const origin = new URL(c.req.url).origin;
  return c.html(html, (page.status ?? 200) as 200, {
    ...securityHeaders({ frameAncestors: [], selfOrigin: origin, mediaOrigins: ctx.mediaOrigins }),
    'cache-control': 'no-store',
    'x-frame-options': 'DENY',
  });
}
