import { expect, test } from 'vitest';
import { limitedAddress } from './client-address.js';

test('IPv6 addresses count by their /64 network', () => {
  expect(limitedAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
  expect(limitedAddress('2001:DB8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
  expect(limitedAddress('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
  expect(limitedAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
  expect(limitedAddress('::1')).toBe('0:0:0:0::/64');
  expect(limitedAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  expect(limitedAddress('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
});

test('IPv4 addresses count alone, also when seen through an IPv6 socket', () => {
  expect(limitedAddress('203.0.113.9')).toBe('203.0.113.9');
  expect(limitedAddress('::ffff:203.0.113.9')).toBe('203.0.113.9');
  expect(limitedAddress('unknown')).toBe('unknown');
});
