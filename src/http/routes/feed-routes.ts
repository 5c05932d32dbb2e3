import { Hono } from 'hono';
import type { FeedDelivery } from '../../domain/feed-delivery.js';

export interface FeedRoutesDeps {
  feeds: FeedDelivery;
  /** The show's current slug when `slug` is one it used before (for 301s). */
  currentSlugFor: (oldSlug: string) => Promise<string | null>;
}

/** Chooses br, then gzip, then identity, honouring q=0. */
function pickEncoding(header: string | undefined): 'br' | 'gzip' | null {
  if (!header) return null;
  const accepted = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name.trim(), q ? Number(q.slice(2)) : 1);
  }
  const wants = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (wants('br')) return 'br';
  if (wants('gzip')) return 'gzip';
  return null;
}

/**
 * `GET /feeds/{slug}.xml`: the ready-built RSS, never built per request. Strong ETag and
 * Last-Modified with 304s, br/gzip by Accept-Encoding, HEAD, and 301 from an old slug.
 */
export function feedRoutes(deps: FeedRoutesDeps) {
  const app = new Hono();
  app.on(['GET', 'HEAD'], '/feeds/:file', async (c) => {
    const match = /^([a-z0-9-]+)\.xml$/.exec(c.req.param('file'));
    if (!match) return c.text('Not found', 404);
    const slug = match[1];
    const feed = await deps.feeds.get(slug);
    if (!feed) {
      const moved = await deps.currentSlugFor(slug);
      if (moved) return c.redirect(`/feeds/${moved}.xml`, 301);
      return c.text('Not found', 404);
    }
    const headers: Record<string, string> = {
      'content-type': 'application/rss+xml; charset=utf-8',
      etag: feed.etag,
      'last-modified': feed.lastModified.toUTCString(),
      'cache-control': 'public, max-age=300',
      vary: 'Accept-Encoding',
      'access-control-allow-origin': '*',
      'x-content-type-options': 'nosniff',
    };
    const ifNoneMatch = c.req.header('if-none-match');
    const ifModifiedSince = c.req.header('if-modified-since');
    const notModified = ifNoneMatch
      ? ifNoneMatch.split(',').some((tag) => tag.trim() === feed.etag || tag.trim() === '*')
      : ifModifiedSince
        ? Math.floor(feed.lastModified.getTime() / 1000) <= Math.floor(Date.parse(ifModifiedSince) / 1000)
        : false;
    if (notModified) return c.body(null, 304, headers);
    const encoding = pickEncoding(c.req.header('accept-encoding'));
    const body = encoding === 'br' ? feed.br : encoding === 'gzip' ? feed.gzip : feed.xml;
    if (encoding) headers['content-encoding'] = encoding;
    headers['content-length'] = String(body.length);
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(body, 200, headers);
  });
  return app;
}
