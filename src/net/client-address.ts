import ipaddr from 'ipaddr.js';

/** The proxies whose X-Forwarded-For is believed (TRUST_PROXY), as parsed CIDR ranges. */
export type TrustProxy = readonly (readonly [ipaddr.IPv4 | ipaddr.IPv6, number])[];

const loopback = ['127.0.0.0/8', '::1/128'];

/**
 * TRUST_PROXY as written by an operator: unset or empty (trust no proxy), `loopback`, or a
 * comma-separated list of CIDR ranges and single addresses (`10.0.0.0/8, 192.168.1.7`). Throws
 * with a short reason for anything else, so configuration can name the variable.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  if (!value?.trim()) return [];
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .flatMap((item) => (item.toLowerCase() === 'loopback' ? loopback : [item]));
  return items.map((item) => {
    try {
      if (item.includes('/')) return ipaddr.parseCIDR(item);
      const address = ipaddr.parse(item);
      return [address, address.kind() === 'ipv4' ? 32 : 128] as const;
    } catch {
      throw new Error(`"${item}" is not an IP address or CIDR range (use loopback or e.g. 10.0.0.0/8)`);
    }
  });
}

/** An address as Node reports it (IPv4-mapped on dual-stack sockets) or as a proxy wrote it (with a port). */
function normalize(raw: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  let text = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(':'));
  text = text.replace(/%.*$/, ''); // a zone id (fe80::1%eth0) says nothing about who it is
  if (!ipaddr.isValid(text)) return null;
  const address = ipaddr.parse(text);
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress())
    return (address as ipaddr.IPv6).toIPv4Address();
  return address;
}

function trusted(address: ipaddr.IPv4 | ipaddr.IPv6, trustProxy: TrustProxy): boolean {
  return trustProxy.some(
    ([range, bits]) => range.kind() === address.kind() && address.match(range as never, bits),
  );
}

/**
 * The address of the client behind any trusted proxies: walks X-Forwarded-For from the right
 * (the hop our own proxy added) and stops at the first address that is not a trusted proxy, as
 * every hop to the left of it could have been written by the client itself. Without trusted
 * proxies (the default) the header is ignored and the socket's address is the answer. A
 * malformed entry stops the walk at the last hop that was believed.
 */
export function clientAddress(
  socketAddress: string | null | undefined,
  xForwardedFor: string | null | undefined,
  trustProxy: TrustProxy,
): string | null {
  const socket = socketAddress ? normalize(socketAddress) : null;
  if (!socket) return socketAddress ?? null;
  let current = socket;
  if (!xForwardedFor || !trusted(current, trustProxy)) return current.toString();
  const hops = xForwardedFor.split(',').reverse();
  for (const hop of hops) {
    const address = normalize(hop);
    if (!address) break;
    current = address;
    if (!trusted(current, trustProxy)) break;
  }
  return current.toString();
}
