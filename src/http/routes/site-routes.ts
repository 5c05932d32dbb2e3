import { Readable } from 'node:stream';
import { Hono } from 'hono';
import type { StatementKind } from '../../domain/organisation.js';
import type { OrganisationService } from '../../domain/organisation-service.js';
import type { PublicCatalog } from '../../domain/public-catalog.js';
import type { SearchService } from '../../domain/search-service.js';
import { xmlText } from '../../feeds/xml-text.js';
import { defaultStatement } from '../../site/default-statements.js';
import { HomePage } from '../../web/home-page.js';
import { SearchPage } from '../../web/search-page.js';
import { StatementPage } from '../../web/statement-page.js';
import { pickLocale } from '../locale.js';
import type { PublicPageKit } from '../public-page-kit.js';

const LOGO_FILE = /^logo-[0-9a-f-]{36}\.png$/;
const statementTitles: Record<StatementKind, Record<'nl' | 'en', string>> = {
  privacy: { nl: 'Privacyverklaring', en: 'Privacy statement' },
  accessibility: { nl: 'Toegankelijkheidsverklaring', en: 'Accessibility statement' },
};

/**
 * The organisation's own public pages: the home page with its shows, the privacy and
 * accessibility statements, search, and what crawlers read (robots.txt, sitemap.xml).
 * Pages without a show of their own follow the browser's language, Dutch first.
 */
export function siteRoutes(deps: {
  kit: PublicPageKit;
  catalog: PublicCatalog;
  organisation: OrganisationService;
  search: SearchService;
}) {
  const { kit, catalog, organisation, search } = deps;
  const app = new Hono();
  const language = (c: Parameters<PublicPageKit['contextFor']>[0]) =>
    c.req.query('lang') === 'en' || c.req.query('lang') === 'nl'
      ? (c.req.query('lang') as 'nl' | 'en')
      : pickLocale(c.req.header('accept-language'));

  app.get('/', async (c) => {
    const context = await kit.contextFor(c, language(c), 'page');
    const shows = await catalog.listedShows();
    return kit.sendHtml(c, HomePage({ context, shows, canonical: `${kit.base}/` }), {
      context,
      frameAncestors: [],
      maxAge: 60,
    });
  });

  const statement = (kind: StatementKind, path: string) =>
    app.get(path, async (c) => {
      const lang = language(c);
      const context = await kit.contextFor(c, lang, 'page');
      const settings = await organisation.get();
      const text = settings.statements[kind][lang] ?? defaultStatement(kind, lang);
      const page = StatementPage({
        context,
        title: statementTitles[kind][lang],
        text,
        canonical: `${kit.base}${path}`,
      });
      return kit.sendHtml(c, page, { context, frameAncestors: [], maxAge: 300 });
    });
  statement('privacy', '/privacy');
  statement('accessibility', '/toegankelijkheid');
  app.get('/accessibility', (c) => c.redirect('/toegankelijkheid?lang=en', 301));

  app.get('/search', async (c) => {
    const lang = language(c);
    const context = await kit.contextFor(c, lang, 'page');
    const query = (c.req.query('q') ?? '').slice(0, 200).trim();
    const results = query ? await search.search(query) : null;
    const page = SearchPage({ context, query, results, canonical: `${kit.base}/search` });
    return kit.sendHtml(c, page, { context, frameAncestors: [], maxAge: 0 });
  });

  app.get('/organisation/:file', async (c) => {
    const file = c.req.param('file');
    const found = LOGO_FILE.test(file) ? await organisation.logoFile(`organisation/${file}`) : null;
    if (!found) return kit.notFound(c);
    return c.body(Readable.toWeb(found.body) as ReadableStream, 200, {
      'content-type': 'image/png',
      'content-length': String(found.size),
      // A new logo gets a new name, so this one never changes.
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
  });

  app.get('/robots.txt', (c) =>
    c.text(
      `User-agent: *\nDisallow: /api/\nDisallow: /admin\nDisallow: /search\nSitemap: ${kit.base}/sitemap.xml\n`,
      200,
      {
        'cache-control': 'public, max-age=3600',
      },
    ),
  );

  app.get('/sitemap.xml', async (c) => {
    const entries = [{ url: `${kit.base}/`, updatedAt: null as string | null }, ...(await catalog.sitemap())];
    const body = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      ...entries.map(
        (e) =>
          `<url><loc>${xmlText(e.url)}</loc>${e.updatedAt ? `<lastmod>${xmlText(e.updatedAt)}</lastmod>` : ''}</url>`,
      ),
      '</urlset>',
    ].join('\n');
    return c.body(body, 200, {
      'content-type': 'application/xml; charset=utf-8',
      'cache-control': 'public, max-age=600',
      'x-content-type-options': 'nosniff',
    });
  });

  return app;
}
