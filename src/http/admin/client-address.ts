import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The peer address for sign-in throttling. Proxy headers are not believed here (anyone can
 * send them); behind a proxy every client shares its address, and the per-account limit still
 * holds. Requests that do not come through node:http (tests calling app.request) share one key.
 */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
