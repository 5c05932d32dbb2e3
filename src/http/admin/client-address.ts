import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { clientAddress, type TrustProxy } from '../../net/client-address.js';

/**
 * The client's address for sign-in throttling: the socket's, or behind proxies named in
 * TRUST_PROXY the one they report (a header anyone else could forge is ignored). Requests that
 * do not come through node:http (tests calling app.request) share one key.
 */
export function requestAddress(c: Context, trustProxy: TrustProxy = []): string {
  let socket: string | undefined;
  try {
    socket = getConnInfo(c).remote.address;
  } catch {
    socket = undefined;
  }
  return clientAddress(socket, c.req.header('x-forwarded-for'), trustProxy) ?? 'unknown';
}
