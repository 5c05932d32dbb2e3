import { describe, expect, it } from 'vitest';
import { listenerAddress, listenerKey } from './listener-key.js';

describe('listener', () => {
  it('cuts IPv6 to its /64 and keeps IPv4 whole', () => {
    expect(listenerAddress('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(listenerAddress('2001:db8:1:2::1')).toBe(listenerAddress('2001:db8:1:2:ffff::9'));
    expect(listenerAddress('::ffff:198.51.100.1')).toBe('198.51.100.1');
    expect(listenerAddress('not an address')).toBe('unknown');
  });

  it('is a keyed hash: another secret or user agent is another listener, and no address shows', () => {
    const key = listenerKey('secret-a', '198.51.100.1', 'Podcasts/1');
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(listenerKey('secret-a', '198.51.100.1', 'Podcasts/1')).toBe(key);
    expect(listenerKey('secret-b', '198.51.100.1', 'Podcasts/1')).not.toBe(key);
    expect(listenerKey('secret-a', '198.51.100.1', 'Overcast/3')).not.toBe(key);
  });
});
