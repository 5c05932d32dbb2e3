import { Hono } from 'hono';
import type { FeedDelivery } from '../../domain/feed-delivery.js';
import { createFeedAnswerer } from '../feed-answer.js';

export interface FeedRoutesDeps {
  feeds: FeedDelivery;
  /** The show's current slug when `slug` is one it used before (for 301s). */
  currentSlugFor: (oldSlug: string) => Promise<string | null>;
  /** The new feed URL of a show that moved away, once its grace period is over (for 301s). */
  movedFeedFor?: (slug: string) => Promise<string | null>;
}

export const feedPath = /^\/feeds\/([a-z0-9-]+)\.xml$/;

/**
 * `GET /feeds/{slug}.xml`: the ready-built RSS, never built per request (see feed-answer.ts),
 * and 301 from a slug the show used before.
 */
export function feedRoutes(deps: FeedRoutesDeps) {
  const app = new Hono();
  const answerFeed = createFeedAnswerer();
  app.on(['GET', 'HEAD'], '/feeds/:file', async (c) => {
    const match = feedPath.exec(c.req.path);
    if (!match) return c.text('Not found', 404);
    const feed = await deps.feeds.get(match[1]);
    if (!feed) {
      const away = await deps.movedFeedFor?.(match[1]);
      if (away) return c.redirect(away, 301);
      const moved = await deps.currentSlugFor(match[1]);
      if (moved) return c.redirect(`/feeds/${moved}.xml`, 301);
      return c.text('Not found', 404);
    }
    const answer = answerFeed(feed, {
      method: c.req.method,
      ifNoneMatch: c.req.header('if-none-match'),
      ifModifiedSince: c.req.header('if-modified-since'),
      acceptEncoding: c.req.header('accept-encoding'),
    });
    if (!answer.body) return c.body(null, answer.status, answer.headers);
    return c.body(answer.body, 200, answer.headers);
  });
  return app;
}
