import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { Organisation } from '../domain/organisation.js';
import type { PublicUrls } from '../domain/public-urls.js';
import { accentColor, accentCss } from '../web/accent-color.js';
import { labelsFor } from '../web/labels.js';
import { NotFoundPage } from '../web/not-found-page.js';
import type { PageContext } from '../web/page-context.js';
import { renderHtml } from '../web/render-html.js';
import { securityHeaders } from '../web/security-headers.js';
import type { SiteChrome } from '../web/site-chrome.js';
import { loadWebAssets } from '../web/web-assets.js';
import { noneMatchHit } from './conditional-request.js';

export interface PublicPageKitDeps {
  urls: PublicUrls;
  /** Origins media is redirected to besides zender (S3_PUBLIC_URL, a CDN), allowed in the CSP. */
  mediaOrigins?: string[];
  /** The organisation's current settings (name, logo, colour, footer), read per page. */
  organisation: () => Promise<Organisation>;
}

/** The organisation's frame for public pages, with URLs from BASE_URL. */
export function siteChrome(organisation: Organisation, base: string): SiteChrome {
  return {
    name: organisation.name,
    homeUrl: `${base}/`,
    website: organisation.website,
    logo: organisation.logo && {
      url: `${base}/${organisation.logo.key}`,
      width: organisation.logo.width,
      height: organisation.logo.height,
    },
    footerLinks: organisation.footerLinks,
    privacyUrl: `${base}/privacy`,
    accessibilityUrl: `${base}/toegankelijkheid`,
    searchUrl: `${base}/search`,
  };
}

/**
 * What every public page and embed route needs: the hashed assets, a page context in the right
 * language and colours, and sending rendered HTML with the security headers, an ETag and 304.
 */
export function createPublicPageKit(deps: PublicPageKitDeps) {
  const base = deps.urls.base;
  const selfOrigin = new URL(base).origin;
  const assets = loadWebAssets();
  // The player's modules import each other; named up front, the browser fetches them all at once
  // instead of one level of imports after another.
  const modulePreload = assets.modulePaths.map((path) => `<${base}${path}>; rel=modulepreload`).join(', ');

  /** Embeds take the partner's ?color=; public pages use the organisation's colour and frame. */
  async function contextFor(c: Context, showLanguage: string, kind: 'embed' | 'page'): Promise<PageContext> {
    const organisation = kind === 'page' ? await deps.organisation() : null;
    const accent = accentColor(
      kind === 'embed' ? c.req.query('color') : (organisation?.accentColor ?? undefined),
    );
    const styles = kind === 'embed' ? [assets.stylePath] : [assets.stylePath, assets.pageStylePath];
    return {
      labels: labelsFor(c.req.query('lang'), showLanguage),
      inlineStyle: accentCss(accent),
      scriptUrl: `${base}${assets.scriptPath}`,
      styleUrls: styles.map((path) => `${base}${path}`),
      site: organisation ? siteChrome(organisation, base) : undefined,
    };
  }

  /** Sends a rendered page with the security headers, a content ETag and 304 when it matches. */
  async function sendHtml(
    c: Context,
    page: Parameters<typeof renderHtml>[0],
    options: { context: PageContext; frameAncestors: '*' | string[]; maxAge: number; status?: 200 | 404 },
  ) {
    const html = await renderHtml(page);
    const etag = `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`;
    const headers: Record<string, string> = {
      ...securityHeaders({
        frameAncestors: options.frameAncestors,
        inlineStyles: [options.context.inlineStyle],
        selfOrigin,
        mediaOrigins: deps.mediaOrigins,
      }),
      'content-type': 'text/html; charset=utf-8',
      'cache-control': options.status === 404 ? 'no-store' : `public, max-age=${options.maxAge}`,
      etag,
      link: modulePreload,
    };
    if (options.status !== 404 && noneMatchHit(c.req.header('if-none-match'), etag))
      return c.body(null, 304, headers);
    return c.body(html, options.status ?? 200, headers);
  }

  async function notFound(c: Context, frameAncestors: '*' | string[] = []) {
    const context = await contextFor(c, 'nl', 'page');
    return sendHtml(c, NotFoundPage({ context }), { context, frameAncestors, maxAge: 0, status: 404 });
  }

  return { base, selfOrigin, assets, contextFor, sendHtml, notFound };
}

export type PublicPageKit = ReturnType<typeof createPublicPageKit>;
