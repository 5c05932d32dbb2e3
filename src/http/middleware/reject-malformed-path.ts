import type { MiddlewareHandler } from 'hono';
import { problem } from '../problem.js';

/**
 * 400 for a path whose percent-encoding does not decode (`/media/show/%`, `%E0%A4%A`): routes
 * decode their segments, and a URIError there is the client's mistake, not a 500 of ours.
 */
export function rejectMalformedPath(): MiddlewareHandler {
  return async function rejectMalformed(c, next) {
    const raw = c.req.url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/[?#].*$/s, '');
    if (raw.includes('%')) {
      try {
        decodeURIComponent(raw);
      } catch {
        return problem(c, 'malformed_path');
      }
    }
    await next();
  };
}
