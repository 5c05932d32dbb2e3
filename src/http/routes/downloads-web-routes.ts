import { createHash } from 'node:crypto';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { DownloadReports } from '../../domain/download-reports.js';
import { accentColor, accentCss } from '../../web/accent-color.js';
import { loadAnalyticsAssets } from '../../web/analytics/analytics-assets.js';
import { DownloadsMethodPage } from '../../web/analytics/downloads-method-page.js';
import type { DownloadsPageAssets } from '../../web/analytics/downloads-page-shell.js';
import { ShowDownloadsPage } from '../../web/analytics/show-downloads-page.js';
import { labelsFor } from '../../web/labels.js';
import { NotFoundPage } from '../../web/not-found-page.js';
import { renderHtml } from '../../web/render-html.js';
import { securityHeaders } from '../../web/security-headers.js';
import { loadWebAssets } from '../../web/web-assets.js';

const SLUG = /^[a-z0-9-]{1,200}$/;

/**
 * Public download pages: /downloads explains the counting, /downloads/{showSlug} shows an
 * opted-in show's totals; and /assets/analytics/ serves uPlot and the chart script for the
 * staff screens.
 */
export function downloadsWebRoutes(deps: {
  reports: DownloadReports;
  baseUrl: string;
  mediaOrigins?: string[];
}) {
  const app = new OpenAPIHono();
  documentDownloadPages(app.openAPIRegistry);
  const base = deps.baseUrl.replace(/\/+$/, '');
  const selfOrigin = new URL(base).origin;
  const web = loadWebAssets();
  const analytics = loadAnalyticsAssets();
  const inlineStyle = accentCss(accentColor(undefined));
  const assets: DownloadsPageAssets = {
    scriptUrl: `${base}${web.scriptPath}`,
    styleUrls: [web.stylePath, web.pageStylePath, analytics.style].map((path) => `${base}${path}`),
    inlineStyle,
  };

  async function send(c: Context, page: Parameters<typeof renderHtml>[0], status: 200 | 404 = 200) {
    const html = await renderHtml(page);
    return c.body(html, status, {
      ...securityHeaders({
        frameAncestors: [],
        inlineStyles: [inlineStyle],
        selfOrigin,
        mediaOrigins: deps.mediaOrigins,
      }),
      'content-type': 'text/html; charset=utf-8',
      'cache-control': status === 200 ? 'public, max-age=300' : 'no-store',
      etag: `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`,
    });
  }

  app.get('/assets/analytics/:file', (c) => {
    const asset = analytics.get(c.req.param('file'));
    if (!asset) return c.text('Not found', 404);
    const headers = {
      'content-type': asset.contentType,
      'cache-control': 'public, max-age=31536000, immutable',
      etag: asset.etag,
      'x-content-type-options': 'nosniff',
    };
    if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304, headers);
    return c.body(new Uint8Array(asset.body), 200, headers);
  });

  app.get('/downloads', (c) => send(c, DownloadsMethodPage({ assets })));

  app.get('/downloads/:showSlug', async (c) => {
    const slug = c.req.param('showSlug');
    const totals = SLUG.test(slug) ? await deps.reports.publicTotals(slug) : null;
    if (!totals) {
      const context = { labels: labelsFor(undefined, 'nl'), ...assets };
      return send(c, NotFoundPage({ context }), 404);
    }
    return send(c, ShowDownloadsPage({ assets, totals, methodUrl: `${base}/downloads` }));
  });

  return app;
}

const html = (description: string) => ({
  description,
  content: { 'text/html': { schema: z.string(), example: '<!doctype html><html lang="nl">…</html>' } },
});

/** The public download pages and the chart assets, written into the OpenAPI document. */
function documentDownloadPages(registry: OpenAPIHono['openAPIRegistry']): void {
  const tags = ['Public'];
  registry.registerPath({
    method: 'get',
    path: '/downloads',
    tags,
    summary: 'How downloads are counted',
    description:
      'A public page, in Dutch and English, on how zender counts downloads and what it does (not) keep.',
    responses: { 200: html('The page') },
  });
  registry.registerPath({
    method: 'get',
    path: '/downloads/{showSlug}',
    tags,
    summary: 'A show’s public download totals',
    description: 'All-time total, per month and per episode; only for shows that opted in (else 404).',
    request: {
      params: z.object({
        showSlug: z
          .string()
          .openapi({ param: { name: 'showSlug', in: 'path' }, example: 'mensenrechten-dichtbij' }),
      }),
    },
    responses: { 200: html('The page'), 404: { description: 'Unknown, or not public' } },
  });
  registry.registerPath({
    method: 'get',
    path: '/assets/analytics/{file}',
    tags,
    summary: 'Chart assets',
    description:
      'uPlot (from zender’s own node_modules, never a CDN), the chart script and the tables’ stylesheet, named by content hash and cached for a year.',
    request: {
      params: z.object({
        file: z
          .string()
          .openapi({ param: { name: 'file', in: 'path' }, example: 'downloads-chart-0123456789.js' }),
      }),
    },
    responses: {
      200: {
        description: 'The file',
        content: {
          'text/javascript': { schema: z.string(), example: '// uPlot …' },
          'text/css': { schema: z.string(), example: '.zd-table { … }' },
        },
      },
      404: { description: 'No such asset' },
    },
  });
}
