import type { MiddlewareHandler } from 'hono';

/** What a browser client may send: the API's own headers and tus 1.0's. */
const allowHeaders = [
  'Authorization',
  'Content-Type',
  'Accept-Language',
  'X-Filename',
  'Last-Event-ID',
  'Tus-Resumable',
  'Upload-Length',
  'Upload-Offset',
  'Upload-Metadata',
  'Upload-Defer-Length',
  'Upload-Concat',
  'X-HTTP-Method-Override',
  'X-Requested-With',
].join(', ');

/** What a browser client may read: where things went (Location, the job) and tus's state. */
const exposeHeaders = [
  'Location',
  'Zender-Job-Id',
  'WWW-Authenticate',
  'Content-Disposition',
  'Tus-Resumable',
  'Tus-Version',
  'Tus-Extension',
  'Tus-Max-Size',
  'Upload-Offset',
  'Upload-Length',
  'Upload-Metadata',
  'Upload-Expires',
].join(', ');

const allowMethods = 'GET, HEAD, POST, PUT, PATCH, DELETE';

/**
 * CORS for /api/v1, mounted before authentication: a preflight never carries the token (browsers
 * send none), so it is answered here, with 204 whatever the origin; only origins in CORS_ORIGINS
 * get the Access-Control-Allow-* headers that let the browser go on. Other answers get
 * Access-Control-Allow-Origin for a listed origin and lose any a handler set itself (@tus/server
 * sends `*` by default), so the list is the one place that decides.
 */
export function apiCors(origins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(origins);
  return async function cors(c, next) {
    const origin = c.req.header('origin');
    const allowedOrigin = origin && allowed.has(origin) ? origin : null;
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      const headers = new Headers({ vary: 'Origin, Access-Control-Request-Headers' });
      if (allowedOrigin) {
        headers.set('access-control-allow-origin', allowedOrigin);
        headers.set('access-control-allow-methods', allowMethods);
        headers.set('access-control-allow-headers', allowHeaders);
        headers.set('access-control-max-age', '600');
      }
      return new Response(null, { status: 204, headers });
    }
    await next();
    let headers = c.res.headers;
    try {
      headers.append('vary', 'Origin');
    } catch {
      // A response with immutable headers (one passed through from fetch): copy it once.
      c.res = new Response(c.res.body, c.res);
      headers = c.res.headers;
      headers.append('vary', 'Origin');
    }
    if (allowedOrigin) {
      headers.set('access-control-allow-origin', allowedOrigin);
      headers.set('access-control-expose-headers', exposeHeaders);
    } else {
      headers.delete('access-control-allow-origin');
      headers.delete('access-control-expose-headers');
      headers.delete('access-control-allow-credentials');
    }
  };
}
