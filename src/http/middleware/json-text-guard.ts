import type { MiddlewareHandler } from 'hono';
import { problem } from '../problem.js';

// In a `u` regex, \p{Cs} matches only a surrogate without its partner: paired ones are one code point.
const LONE_SURROGATE = /\p{Cs}/u;

/** The first place in a parsed JSON value where text holds a lone surrogate, as a field path. */
export function findLoneSurrogate(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path.join('.') || 'body' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findLoneSurrogate(value[i], [...path, String(i)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (LONE_SURROGATE.test(key)) return [...path, key].join('.');
      const found = findLoneSurrogate(inner, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * JSON bodies must be real Unicode text. Bytes that are not UTF-8, and `\ud800`-style escapes of
 * half a surrogate pair, would otherwise be stored silently as U+FFFD (or refused by PostgreSQL
 * later): refused here with 400, naming the field, as control characters are. Runs after the
 * JSON size limit; the body stays readable for the route.
 */
export function jsonTextGuard(): MiddlewareHandler {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return async function guardJsonText(c, next) {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || !c.req.header('content-type')?.includes('json'))
      return next();
    const bytes = await c.req.arrayBuffer();
    // Routes that stream the body themselves (transcripts) read it from raw: give them the bytes again.
    c.req.raw = new Request(c.req.raw, { body: bytes, duplex: 'half' } as RequestInit);
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      return problem(c, 'malformed_text');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return next(); // the route answers malformed JSON in its own words
    }
    const field = findLoneSurrogate(parsed);
    if (field !== null) {
      return problem(c, 'invalid_input', {
        errors: [
          {
            field,
            code: 'lone_surrogate',
            message:
              'contains half of a UTF-16 surrogate pair (\\ud800–\\udfff alone): not valid Unicode text',
          },
        ],
      });
    }
    await next();
  };
}
