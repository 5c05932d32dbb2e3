import type { Child } from 'hono/jsx';
import { roleAllows } from '../../domain/tokens-service.js';
import type { AdminContext, NavItem } from './admin-context.js';
import { fillLabel } from './admin-labels.js';

function navLabel(ctx: AdminContext, item: NavItem): string {
  return typeof item.label === 'string' ? ctx.t[item.label] : item.label[ctx.locale];
}

function roleName(ctx: AdminContext, role: string): string {
  return role === 'admin' ? ctx.t.roleAdmin : role === 'editor' ? ctx.t.roleEditor : ctx.t.roleViewer;
}

/** The CSRF token every form carries (checked by the session middleware). */
export function CsrfField({ ctx }: { ctx: AdminContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

/**
 * The shell of every staff screen: skip link, header with the menu, the account and the
 * language switch, one main landmark with the page's h1, and a live region for notices.
 * No inline script or style: the CSP allows only zender's own files.
 */
export function AdminLayout(props: {
  ctx: AdminContext;
  title: string;
  notice?: string | null;
  error?: string | null;
  /** Extra files a screen needs in the head (the downloads chart). */
  head?: Child;
  children?: Child;
}) {
  const { ctx } = props;
  const user = ctx.user;
  const items = user ? ctx.nav.filter((item) => !item.role || roleAllows(user.role, item.role)) : [];
  const current = (href: string) =>
    href === '/admin' ? ctx.path === '/admin' : ctx.path === href || ctx.path.startsWith(`${href}/`);
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="robots" content="noindex" />
        <title>{`${props.title} · zender`}</title>
        <link rel="stylesheet" href={ctx.stylePath} />
        <script src={ctx.tusPath} defer />
        <script type="module" src={ctx.scriptPath} />
        {props.head}
      </head>
      <body class="za" data-locale={ctx.locale} data-csrf={ctx.csrfToken}>
        <a class="za-skip" href="#main">
          {ctx.t.skip}
        </a>
        <header class="za-header">
          <a class="za-brand" href="/admin">
            {ctx.t.appName}
          </a>
          {items.length > 0 && (
            <nav aria-label={ctx.t.navLabel}>
              <ul class="za-nav">
                {items.map((item) => (
                  <li>
                    <a href={item.href} aria-current={current(item.href) ? 'page' : undefined}>
                      {navLabel(ctx, item)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <div class="za-account">
            {user && (
              <p class="za-who">
                {fillLabel(ctx.t.signedInAs, { name: user.name, role: roleName(ctx, user.role) })}
              </p>
            )}
            <form method="post" action="/admin/locale" class="za-inline">
              {user && <CsrfField ctx={ctx} />}
              <input type="hidden" name="locale" value={ctx.locale === 'nl' ? 'en' : 'nl'} />
              <input type="hidden" name="back" value={ctx.path} />
              <button
                type="submit"
                class="za-link"
                lang={ctx.locale === 'nl' ? 'en' : 'nl'}
                aria-label={ctx.t.switchLanguageLabel}
              >
                {ctx.t.switchLanguage}
              </button>
            </form>
            {user && (
              <form method="post" action="/admin/logout" class="za-inline">
                <CsrfField ctx={ctx} />
                <button type="submit" class="za-link">
                  {ctx.t.signOut}
                </button>
              </form>
            )}
          </div>
        </header>
        <main id="main" class="za-main" tabindex={-1}>
          <h1>{props.title}</h1>
          <div class="za-notices" role="status" aria-live="polite">
            {props.notice && <p class="za-notice">{props.notice}</p>}
          </div>
          {props.error && (
            <div class="za-error" role="alert" id="form-error">
              <p>{props.error}</p>
            </div>
          )}
          {props.children}
        </main>
      </body>
    </html>
  );
}
