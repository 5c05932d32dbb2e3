import ipaddr from 'ipaddr.js';

/** Why an address is not one the public internet routes to us; stable codes for messages. */
export type AddressRefusal =
  | 'loopback'
  | 'private'
  | 'link_local'
  | 'carrier_nat'
  | 'unique_local'
  | 'multicast'
  | 'unspecified'
  | 'ipv4_mapped'
  | 'reserved'
  | 'localhost_name';

const v4Reasons: Record<string, AddressRefusal> = {
  loopback: 'loopback',
  private: 'private',
  linkLocal: 'link_local',
  carrierGradeNat: 'carrier_nat',
  multicast: 'multicast',
  broadcast: 'multicast',
  unspecified: 'unspecified',
};

const v6Reasons: Record<string, AddressRefusal> = {
  loopback: 'loopback',
  linkLocal: 'link_local',
  uniqueLocal: 'unique_local',
  multicast: 'multicast',
  unspecified: 'unspecified',
  ipv4Mapped: 'ipv4_mapped',
};

// Global unicast: everything else in IPv6 (including ::/96, NAT64, site-local) is not a public host.
const globalUnicast = ipaddr.IPv6.parseCIDR('2000::/3');

/**
 * Null when `address` (an IP literal, without brackets) is a public unicast address, else why not.
 * An allowlist: any range ipaddr.js names (documentation, benchmarking, 6to4, Teredo, AS112 …)
 * is refused too, so a new trick that lands in a named range is refused without a change here.
 * Text that is not an IP address at all is refused as reserved: callers resolve names first.
 */
export function addressRefusal(address: string): AddressRefusal | null {
  const bare = address.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) return 'reserved';
  const parsed = ipaddr.parse(bare);
  if (parsed.kind() === 'ipv4') {
    const range = parsed.range();
    if (range === 'unicast') return null;
    return v4Reasons[range] ?? 'reserved';
  }
  const v6 = parsed as ipaddr.IPv6;
  const range = v6.range();
  if (v6Reasons[range]) return v6Reasons[range];
  if (range !== 'unicast' || !v6.match(globalUnicast)) return 'reserved';
  return null;
}

/** `localhost` and every name under it resolve to loopback by convention (RFC 6761), whatever DNS says. */
export function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.+$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}
