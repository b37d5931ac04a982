import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { cidrContains, parseCidr } from './cidr.js';

const contains = (block: string, ip: string): boolean => {
  const cidr = parseCidr(block);
  if (cidr === undefined) throw new Error(`bad block ${block}`);
  return cidrContains(cidr, ip);
};
const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join('.'));

describe('CIDR blocks', () => {
  it('parses IPv4 and IPv6 blocks and rejects malformed ones', () => {
    expect(parseCidr('10.0.0.0/8')).toEqual({ family: 4, bits: 10n << 24n, prefix: 8 });
    expect(parseCidr('2001:db8::/32')?.family).toBe(6);
    for (const bad of [
      '10.0.0.0',
      '10.0.0/8',
      '10.0.0.256/8',
      '10.0.0.0/33',
      '1::2::3/64',
      '::/129',
      'a.b.c.d/1',
      '01.2.3.4/8',
    ]) {
      expect(parseCidr(bad), bad).toBeUndefined();
    }
  });

  it('matches membership', () => {
    expect(contains('10.0.0.0/8', '10.255.1.2')).toBe(true);
    expect(contains('10.0.0.0/8', '11.0.0.1')).toBe(false);
    expect(contains('192.168.1.0/24', '192.168.1.77')).toBe(true);
    expect(contains('192.168.1.0/24', '::ffff:192.168.1.77')).toBe(true);
    expect(contains('2001:db8::/32', '2001:db8:1::5')).toBe(true);
    expect(contains('2001:db8::/32', '2001:db9::5')).toBe(false);
    expect(contains('10.0.0.0/8', '2001:db8::1')).toBe(false);
  });

  it('a /32 holds only its own address; /0 holds every IPv4 address', () => {
    fc.assert(fc.property(ipv4, ipv4, (a, b) => contains(`${a}/32`, b) === (a === b)));
    fc.assert(fc.property(ipv4, (a) => contains('0.0.0.0/0', a)));
  });
});
