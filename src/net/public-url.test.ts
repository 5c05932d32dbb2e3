import { describe, expect, it } from 'vitest';
import { addressRefusal } from './address-policy.js';
import { checkPublicUrl } from './public-url.js';

const refuse = (url: string) => checkPublicUrl(new URL(url), { allowPrivate: false });

describe('checkPublicUrl', () => {
  it.each([
    ['http://127.0.0.1:8080/hook', 'loopback'],
    ['http://2130706433/', 'loopback'],
    ['http://0x7f.1/', 'loopback'],
    ['http://017700000001/', 'loopback'],
    ['http://127.1/', 'loopback'],
    ['http://0177.0.0.1/', 'loopback'],
    ['http://127.0.0.1./', 'loopback'],
    ['http://[::1]:3000/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'ipv4_mapped'],
    ['http://[::ffff:8.8.8.8]/', 'ipv4_mapped'],
    ['http://localhost:3000/', 'localhost_name'],
    ['http://LocalHost./', 'localhost_name'],
    ['http://api.localhost/', 'localhost_name'],
    ['http://169.254.169.254/latest/meta-data/', 'link_local'],
    ['http://[fe80::1]/', 'link_local'],
    ['http://10.0.0.1/', 'private'],
    ['http://172.16.5.4/', 'private'],
    ['http://192.168.1.1/', 'private'],
    ['http://0xc0.0xa8.1.1/', 'private'],
    ['http://100.64.0.1/', 'carrier_nat'],
    ['http://[fc00::1]/', 'unique_local'],
    ['http://[fd12:3456::1]/', 'unique_local'],
    ['http://224.0.0.1/', 'multicast'],
    ['http://[ff02::1]/', 'multicast'],
    ['http://255.255.255.255/', 'multicast'],
    ['http://0.0.0.0/', 'unspecified'],
    ['http://0/', 'unspecified'],
    ['http://[::]/', 'unspecified'],
    ['http://[64:ff9b::7f00:1]/', 'reserved'],
    ['http://[::7f00:1]/', 'reserved'],
    ['http://[2002:7f00:1::]/', 'reserved'],
    ['http://192.0.2.10/', 'reserved'],
  ])('refuses %s as %s', (url, reason) => {
    expect(refuse(url)).toMatchObject({ ok: false, reason });
  });

  it.each(['https://hooks.example.org/zender', 'http://93.184.216.34/', 'https://[2606:4700::1111]/'])(
    'lets the public %s through',
    (url) => {
      expect(refuse(url)).toMatchObject({ ok: true });
    },
  );

  it('lets everything through when private URLs are allowed', () => {
    expect(checkPublicUrl(new URL('http://127.0.0.1/'), { allowPrivate: true }).ok).toBe(true);
  });
});

describe('addressRefusal', () => {
  it('refuses what is not an IP address (names must be resolved first)', () => {
    expect(addressRefusal('example.org')).toBe('reserved');
    expect(addressRefusal('8.8.8.8')).toBeNull();
    expect(addressRefusal('2001:4860:4860::8888')).toBeNull();
  });
});
