import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { FeedDelivery } from '../domain/feed-delivery.js';
import { createFeedAnswerer } from './feed-answer.js';
import { feedPath } from './routes/feed-routes.js';

/**
 * The node:http listener: Hono for everything, except feed hits that are ready in memory.
 * Podcast apps poll feeds far more than anything else, mostly for a 304; building a web Request
 * and Response per poll costs most of that: `npm run bench -- feed` measured the 304 at 0.39-0.64
 * of bare node:http through Hono alone and 0.69-0.99 with this path (goal 0.8; four runs each on
 * a shared two-core machine). So those answers are written straight to the socket, by the same
 * answerer as the Hono route. Anything else about feeds (404, 301) still goes through Hono.
 * tests/node-listener.test.ts holds both to the same bytes and headers.
 */
export function createNodeListener(
  fetch: (request: Request) => Response | Promise<Response>,
  feeds: FeedDelivery,
) {
  const hono = getRequestListener(fetch);
  const answerFeed = createFeedAnswerer();
  return async function listener(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if ((req.method === 'GET' || req.method === 'HEAD') && req.url?.startsWith('/feeds/')) {
      const match = feedPath.exec(req.url);
      const feed = match ? (feeds.fresh(match[1]) ?? (await feeds.get(match[1]).catch(() => null))) : null;
      if (feed) {
        const answer = answerFeed(feed, {
          method: req.method,
          ifNoneMatch: req.headers['if-none-match'],
          ifModifiedSince: req.headers['if-modified-since'],
          acceptEncoding: req.headers['accept-encoding'],
        });
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body ?? undefined);
        return;
      }
    }
    await hono(req, res);
  };
}
