import { type Context, Hono } from 'hono';
import type { OrganisationService } from '../../domain/organisation-service.js';
import type { PublicCatalog } from '../../domain/public-catalog.js';
import type { PublicUrls } from '../../domain/public-urls.js';
import type { SearchService } from '../../domain/search-service.js';
import { loadAppIcons } from '../../web/app-icons.js';
import { EmbedEpisodePage } from '../../web/embed-episode-page.js';
import { EmbedShowPage } from '../../web/embed-show-page.js';
import { episodeEmbedSize, SHOW_EMBED_EPISODES, showEmbedSize } from '../../web/embed-size.js';
import { EpisodePage } from '../../web/episode-page.js';
import { feedQrSvg } from '../../web/feed-qr.js';
import { parseStartTime } from '../../web/format-time.js';
import { dimension, type OembedTarget, oembedResponse, oembedXml } from '../../web/oembed.js';
import { ShowPage } from '../../web/show-page.js';
import { createPublicPageKit } from '../public-page-kit.js';
import { webAssetResponse } from '../web-asset-response.js';
import { siteRoutes } from './site-routes.js';

export interface WebRoutesDeps {
  catalog: PublicCatalog;
  urls: PublicUrls;
  /** oEmbed provider_name; provider_url is BASE_URL. */
  providerName?: string;
  /** Origins media is redirected to besides zender (S3_PUBLIC_URL, a CDN), allowed in the CSP. */
  mediaOrigins?: string[];
  /** The organisation's name, logo, colour, footer links and statements. */
  organisation: OrganisationService;
  search: SearchService;
}

/** `?transcript=en` picks the transcript's language without changing the page's; `?lang=` does both. */
function transcriptLanguage(c: Context): string | undefined {
  return c.req.query('transcript') ?? c.req.query('lang');
}
const SLUG = /^[a-z0-9-]{1,200}$/;
const ID = /^[0-9a-f-]{36}$/i;

/**
 * The public face: embeddable players, oEmbed, show and episode pages, and the player's static
 * assets. Handlers parse, ask the catalog, render; rendering lives in src/web. The organisation's
 * own pages (home, statements, search, sitemap) are in site-routes.ts.
 */
export function webRoutes(deps: WebRoutesDeps) {
  const app = new Hono();
  const { catalog, urls } = deps;
  const base = urls.base;
  const kit = createPublicPageKit({
    urls,
    mediaOrigins: deps.mediaOrigins,
    organisation: () => deps.organisation.get(),
  });
  const { assets, contextFor, sendHtml, notFound, selfOrigin } = kit;
  const icons = loadAppIcons();

  const embedAncestors = (allowlist: string[]) => (allowlist.length > 0 ? allowlist : '*');

  // The player is an ES module, fetched with CORS: a page reached through another host name
  // than BASE_URL (which the script URLs use) must still be able to load it.
  app.get('/assets/:file', (c) =>
    webAssetResponse(c, assets.get(c.req.param('file')), { 'access-control-allow-origin': '*' }),
  );

  app.get('/embed/episodes/:episodeId', async (c) => {
    const id = c.req.param('episodeId');
    const found = ID.test(id) ? await catalog.episodeById(id, { language: transcriptLanguage(c) }) : null;
    if (!found) return notFound(c, '*');
    const context = await contextFor(c, found.show.language, 'embed');
    const start = parseStartTime(c.req.query('t'), found.episode.duration);
    return sendHtml(c, EmbedEpisodePage({ context, ...found, start }), {
      context,
      frameAncestors: embedAncestors(found.show.embedAllowlist),
      maxAge: 300,
    });
  });

  app.get('/embed/shows/:showSlug', async (c) => {
    const slug = c.req.param('showSlug');
    const found = SLUG.test(slug) ? await catalog.show(slug, { limit: SHOW_EMBED_EPISODES }) : null;
    if (!found) return notFound(c, '*');
    const context = await contextFor(c, found.show.language, 'embed');
    return sendHtml(c, EmbedShowPage({ context, ...found }), {
      context,
      frameAncestors: embedAncestors(found.show.embedAllowlist),
      maxAge: 300,
    });
  });

  app.get('/oembed', async (c) => {
    const format = c.req.query('format') ?? 'json';
    if (format !== 'json' && format !== 'xml') return c.text('Not implemented', 501);
    const target = await oembedTarget(c.req.query('url'));
    if (!target) return c.text('Not found', 404, { 'access-control-allow-origin': '*' });
    const body = oembedResponse(
      target,
      { maxwidth: dimension(c.req.query('maxwidth')), maxheight: dimension(c.req.query('maxheight')) },
      { name: deps.providerName ?? 'zender', url: base },
    );
    const headers = {
      'access-control-allow-origin': '*',
      'cache-control': 'public, max-age=3600',
      'x-content-type-options': 'nosniff',
    };
    if (format === 'xml')
      return c.body(oembedXml(body), 200, { ...headers, 'content-type': 'text/xml; charset=utf-8' });
    return c.json(body, 200, headers);
  });

  /** Our public page and embed URLs (same origin as BASE_URL), resolved to what they show. */
  async function oembedTarget(raw: string | undefined): Promise<OembedTarget | null> {
    let url: URL;
    try {
      url = new URL(raw ?? '');
    } catch {
      return null;
    }
    const basePath = new URL(base).pathname.replace(/\/$/, '');
    if (url.origin !== selfOrigin || !url.pathname.startsWith(`${basePath}/`)) return null;
    const parts = url.pathname.slice(basePath.length).split('/').filter(Boolean);
    if (parts[0] === 'shows' && parts.length === 3 && SLUG.test(parts[1]) && SLUG.test(parts[2])) {
      const found = await catalog.episodeBySlugs(parts[1], parts[2]);
      return found && episodeTarget(found);
    }
    if (parts[0] === 'embed' && parts[1] === 'episodes' && parts.length === 3 && ID.test(parts[2])) {
      const found = await catalog.episodeById(parts[2]);
      return found && episodeTarget(found);
    }
    const showSlug =
      parts[0] === 'shows' ? parts[1] : parts[0] === 'embed' && parts[1] === 'shows' ? parts[2] : null;
    if (!showSlug || parts.length !== (parts[0] === 'shows' ? 2 : 3) || !SLUG.test(showSlug)) return null;
    const found = await catalog.show(showSlug, { limit: SHOW_EMBED_EPISODES });
    if (!found) return null;
    return {
      title: found.show.title,
      embedUrl: found.show.embedUrl,
      show: found.show,
      artworkUrl: found.show.artworkUrl,
      size: showEmbedSize(found.show, found.episodes),
    };
  }

  function episodeTarget(
    found: NonNullable<Awaited<ReturnType<PublicCatalog['episodeById']>>>,
  ): OembedTarget {
    return {
      title: found.episode.title,
      embedUrl: found.episode.embedUrl,
      show: found.show,
      artworkUrl: found.episode.artworkUrl,
      size: episodeEmbedSize(found.show, found.episode),
    };
  }

  app.get('/shows/:showSlug', async (c) => {
    const slug = c.req.param('showSlug');
    const found = SLUG.test(slug) ? await catalog.show(slug) : null;
    if (!found) {
      const moved = SLUG.test(slug) ? await catalog.movedShowSlug(slug) : null;
      return moved ? c.redirect(`/shows/${moved}`, 301) : notFound(c);
    }
    const context = await contextFor(c, found.show.language, 'page');
    return sendHtml(c, ShowPage({ context, ...found, baseUrl: base, icons }), {
      context,
      frameAncestors: [],
      maxAge: 60,
    });
  });

  app.get('/shows/:showSlug/feed-qr.svg', async (c) => {
    const slug = c.req.param('showSlug');
    const found = SLUG.test(slug) ? await catalog.show(slug, { limit: 1 }) : null;
    // A show becomes public with its first published episode.
    if (!found || found.episodes.length === 0) return notFound(c);
    const svg = await feedQrSvg(found.show.feedUrl);
    return c.body(svg, 200, {
      'content-type': 'image/svg+xml; charset=utf-8',
      'cache-control': 'public, max-age=86400',
      'content-security-policy': "default-src 'none'",
      'x-content-type-options': 'nosniff',
    });
  });

  app.get('/shows/:showSlug/:episodeSlug', async (c) => {
    const { showSlug, episodeSlug } = c.req.param();
    const valid = SLUG.test(showSlug) && SLUG.test(episodeSlug);
    const found = valid
      ? await catalog.episodeBySlugs(showSlug, episodeSlug, { language: transcriptLanguage(c) })
      : null;
    if (!found) {
      const moved = valid ? await catalog.movedShowSlug(showSlug) : null;
      return moved ? c.redirect(`/shows/${moved}/${episodeSlug}`, 301) : notFound(c);
    }
    const context = await contextFor(c, found.show.language, 'page');
    const start = parseStartTime(c.req.query('t'), found.episode.duration);
    return sendHtml(c, EpisodePage({ context, ...found, start, baseUrl: base }), {
      context,
      frameAncestors: [],
      maxAge: 60,
    });
  });

  app.route('/', siteRoutes({ kit, catalog, organisation: deps.organisation, search: deps.search }));
  return app;
}
