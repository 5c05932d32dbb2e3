import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';

export const csrfHeader = 'x-csrf-token';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/**
 * The CSRF token a state-changing request carries: the X-CSRF-Token header (scripts, tus
 * uploads) or the `_csrf` field of a form. Reading the form here is safe: Hono caches the
 * parsed body for the handler.
 */
export async function presentedCsrf(c: Context): Promise<string> {
  const header = c.req.header(csrfHeader);
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    const body = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
    const value = (body as Record<string, unknown>)._csrf;
    return typeof value === 'string' ? value : '';
  }
  return '';
}

export async function csrfMatches(c: Context, expected: string): Promise<boolean> {
  return same(await presentedCsrf(c), expected);
}

export const isSafeMethod = (method: string) => method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
