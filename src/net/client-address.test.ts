import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustProxy } from './client-address.js';

describe('clientAddress', () => {
  const none = parseTrustProxy(undefined);
  const loopback = parseTrustProxy('loopback');
  const lan = parseTrustProxy('10.0.0.0/8, 192.168.1.7');

  it('ignores X-Forwarded-For unless the socket is a trusted proxy', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', none)).toBe('203.0.113.9');
    expect(clientAddress('127.0.0.1', '198.51.100.1', none)).toBe('127.0.0.1');
    expect(clientAddress('203.0.113.9', '198.51.100.1', loopback)).toBe('203.0.113.9');
  });

  it('believes a trusted proxy and stops at the first untrusted hop from the right', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.1', loopback)).toBe('198.51.100.1');
    expect(clientAddress('::1', '2001:db8::5', loopback)).toBe('2001:db8::5');
    // The client wrote "6.6.6.6" itself; the proxy appended the address it saw.
    expect(clientAddress('10.1.2.3', '6.6.6.6, 198.51.100.1', lan)).toBe('198.51.100.1');
    expect(clientAddress('10.1.2.3', '198.51.100.1, 192.168.1.7', lan)).toBe('198.51.100.1');
  });

  it('reads dual-stack socket addresses and ports a proxy added', () => {
    expect(clientAddress('::ffff:127.0.0.1', '198.51.100.1:4711', loopback)).toBe('198.51.100.1');
    expect(clientAddress('127.0.0.1', '[2001:db8::7]:443', loopback)).toBe('2001:db8::7');
    expect(clientAddress('::ffff:203.0.113.9', undefined, none)).toBe('203.0.113.9');
  });

  it('stops at a malformed hop and keeps the last believed one', () => {
    expect(clientAddress('127.0.0.1', 'unknown', loopback)).toBe('127.0.0.1');
    expect(clientAddress('10.0.0.2', '198.51.100.1, garbage', lan)).toBe('10.0.0.2');
  });

  it('answers the last proxy when every hop is trusted', () => {
    expect(clientAddress('10.0.0.2', '10.0.0.3, 10.0.0.4', lan)).toBe('10.0.0.3');
  });
});

describe('parseTrustProxy', () => {
  it('refuses what is not an address or a range', () => {
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/10\.0\.0\.0\/33/);
    expect(() => parseTrustProxy('everyone')).toThrow(/everyone/);
    expect(parseTrustProxy(' ')).toEqual([]);
  });
});
