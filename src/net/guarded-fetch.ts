import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import ipaddr from 'ipaddr.js';
import { type AddressRefusal, addressRefusal, isLocalhostName } from './address-policy.js';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Every address a name resolves to (dns.lookup with all: true); tests pass their own. */
export type ResolveAll = (hostname: string) => Promise<ResolvedAddress[]>;

export interface GuardedFetchOptions {
  /** ALLOW_PRIVATE_URLS=true: no address is refused (the DNS answer is still pinned). */
  allowPrivate: boolean;
  resolve?: ResolveAll;
  /** Redirects followed for GET and HEAD, each hop checked again. */
  maxRedirects?: number;
}

export interface GuardedInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  signal?: AbortSignal;
  /** 'follow' (GET and HEAD only, like a feed fetch) or 'manual' (the 3xx answer is returned). */
  redirect?: 'follow' | 'manual';
}

export type GuardedFetch = (url: string | URL, init?: GuardedInit) => Promise<Response>;

/** The request was not made: its host is, or resolves to, an address the policy refuses. */
export class RefusedAddressError extends Error {
  readonly code = 'ADDRESS_REFUSED';
  constructor(
    readonly host: string,
    readonly address: string,
    readonly reason: AddressRefusal,
  ) {
    const target = host === address ? host : `${host} (${address})`;
    const kind = reason === 'localhost_name' ? 'localhost name' : `${reason.replace(/_/g, '-')} address`;
    super(`refused: ${target} is a ${kind}, not a public address`);
    this.name = 'RefusedAddressError';
  }
}

const defaultResolve: ResolveAll = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });
const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const nullBodyStatuses = new Set([204, 205, 304]);

/**
 * fetch for URLs a user gave (webhooks, feed imports). Before connecting it resolves the host
 * once, refuses when any address is not public (unless ALLOW_PRIVATE_URLS), and then connects to
 * exactly the address it checked: the socket's lookup returns that answer and never asks DNS
 * again, so a name that resolves to a public address for the check and to 127.0.0.1 for the
 * connection (DNS rebinding) cannot reach inside. Literal IP hosts are checked as they are.
 */
export function createGuardedFetch(options: GuardedFetchOptions): GuardedFetch {
  const resolve = options.resolve ?? defaultResolve;
  const maxRedirects = options.maxRedirects ?? 5;

  async function pin(url: URL): Promise<ResolvedAddress | null> {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (ipaddr.isValid(host)) {
      const reason = options.allowPrivate ? null : addressRefusal(host);
      if (reason) throw new RefusedAddressError(host, host, reason);
      return null; // an IP literal: the socket connects to it without any lookup
    }
    if (!options.allowPrivate && isLocalhostName(host))
      throw new RefusedAddressError(host, host, 'localhost_name');
    const addresses = await resolve(host);
    if (addresses.length === 0)
      throw Object.assign(new Error(`${host} has no address`), { code: 'ENOTFOUND' });
    if (!options.allowPrivate) {
      for (const { address } of addresses) {
        const reason = addressRefusal(address);
        if (reason) throw new RefusedAddressError(host, address, reason);
      }
    }
    return addresses[0];
  }

  async function once(url: URL, init: GuardedInit): Promise<Response> {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new TypeError(`${url.protocol} is not http(s)`);
    const pinned = await pin(url);
    const lookup: LookupFunction | undefined = pinned
      ? (_hostname, lookupOptions, callback) => {
          if (lookupOptions.all) callback(null, [pinned]);
          else callback(null, pinned.address, pinned.family);
        }
      : undefined;
    const client = url.protocol === 'https:' ? https : http;
    return new Promise<Response>((resolveResponse, reject) => {
      const request = client.request(url, {
        method: init.method ?? 'GET',
        headers: init.headers,
        signal: init.signal,
        lookup,
        // A fresh connection each time: a kept-alive socket would skip the check next time.
        agent: false,
      });
      request.on('error', reject);
      request.on('response', (message) => {
        // Whatever a hostile server answers must end as a rejected promise, never as an exception
        // thrown in this listener (that would end the process).
        try {
          const headers = new Headers();
          for (const [name, value] of Object.entries(message.headers)) {
            if (value === undefined) continue;
            for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
          }
          const status = message.statusCode ?? 0;
          if (status < 200 || status > 599) throw new Error(`invalid HTTP status ${status}`);
          const noBody = nullBodyStatuses.has(status) || init.method === 'HEAD';
          if (noBody) message.resume();
          const body = noBody ? null : (Readable.toWeb(message) as ReadableStream<Uint8Array>);
          resolveResponse(new Response(body, { status, headers }));
        } catch (error) {
          message.destroy();
          reject(error);
        }
      });
      request.end(init.body);
    });
  }

  return async function guardedFetch(input, init = {}) {
    let url = new URL(input);
    const follows =
      (init.redirect ?? 'follow') === 'follow' && ['GET', 'HEAD'].includes(init.method ?? 'GET');
    for (let hop = 0; ; hop++) {
      const response = await once(url, init);
      const location = response.headers.get('location');
      if (!follows || !redirectStatuses.has(response.status) || !location) return response;
      await response.body?.cancel().catch(() => {});
      if (hop >= maxRedirects) throw new Error(`more than ${maxRedirects} redirects`);
      url = new URL(location, url);
    }
  };
}
