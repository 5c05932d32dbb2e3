import ipaddr from 'ipaddr.js';
import { type AddressRefusal, addressRefusal, isLocalhostName } from './address-policy.js';

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: AddressRefusal; host: string };

export interface UrlPolicy {
  /** ALLOW_PRIVATE_URLS=true: loopback, private and link-local targets are allowed (tests, intranets). */
  allowPrivate: boolean;
}

/**
 * The check a user-given URL passes before zender stores it: its host must not be a non-public
 * address nor a localhost name. The WHATWG parser has already turned every other spelling of an
 * IPv4 address (`2130706433`, `0x7f.1`, `017700000001`, `127.1`) into dotted decimal, so the
 * address policy sees 127.0.0.1 whichever way it was written. Names are only checked after DNS
 * resolution, when the request is made (see guardedFetch): their answer can change any time.
 */
export function checkPublicUrl(url: URL, policy: UrlPolicy): UrlCheck {
  if (policy.allowPrivate) return { ok: true, url };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isLocalhostName(host)) return { ok: false, reason: 'localhost_name', host };
  if (ipaddr.isValid(host)) {
    const reason = addressRefusal(host);
    if (reason) return { ok: false, reason, host };
  }
  return { ok: true, url };
}
