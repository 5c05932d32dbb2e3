import { createHmac } from 'node:crypto';
import ipaddr from 'ipaddr.js';

/**
 * The address part of a listener: IPv4 as is, IPv6 cut to its /64 (devices rotate the lower 64
 * bits; the /64 is the household or phone, as the IAB guidelines count).
 */
export function listenerAddress(address: string | null): string {
  if (!address) return 'unknown';
  try {
    const parsed = ipaddr.process(address);
    if (parsed.kind() === 'ipv4') return parsed.toString();
    const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4);
    return `${parts.map((part) => part.toString(16)).join(':')}::/64`;
  } catch {
    return 'unknown';
  }
}

/**
 * A listener: HMAC-SHA-256 of address (/64 for IPv6) and user agent with the day's secret,
 * shortened to 128 bits. Without the secret, which is deleted when its day is over, a listener
 * can never be traced back to an address, nor linked across days.
 */
export function listenerKey(secret: string, address: string | null, userAgent: string): string {
  return createHmac('sha256', secret)
    .update(listenerAddress(address))
    .update('\n')
    .update(userAgent)
    .digest('hex')
    .slice(0, 32);
}
