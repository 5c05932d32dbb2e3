import type { Context, MiddlewareHandler } from 'hono';

/** Sets headers on the finished answer, copying it first when its headers are immutable. */
function setHeaders(c: Context, headers: Record<string, string>) {
  try {
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  } catch {
    const copy = new Response(c.res.body, c.res);
    for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
    c.res = copy;
  }
}

/**
 * Every /api answer: `nosniff` (a JSON body is never run as script or rendered as HTML, whatever
 * a browser guesses) and `no-store` (answers hold drafts, tokens and staff data: no browser,
 * proxy or CDN may keep a copy, also not of a refusal).
 */
export function apiHeaders(): MiddlewareHandler {
  return async function setApiHeaders(c, next) {
    await next();
    setHeaders(c, { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
  };
}

/** nosniff alone, for public JSON such as /openapi.json. */
export function nosniff(): MiddlewareHandler {
  return async function setNosniff(c, next) {
    await next();
    setHeaders(c, { 'x-content-type-options': 'nosniff' });
  };
}
