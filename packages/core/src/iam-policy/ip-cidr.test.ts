import { describe, expect, it } from 'vitest';

import { cidrContains, parseCidr, parseIpAddress } from './ip-cidr.js';

const within = (cidr: string, address: string): boolean => {
  const block = parseCidr(cidr);
  if (block === undefined) throw new Error(`bad CIDR ${cidr}`);
  return cidrContains(block, address);
};

describe('ip-cidr', () => {
  it.each([
    ['203.0.113.0/24', '203.0.113.7', true],
    ['203.0.113.0/24', '203.0.114.7', false],
    ['0.0.0.0/0', '8.8.8.8', true],
    ['10.1.2.3', '10.1.2.3', true],
    ['10.1.2.3/32', '10.1.2.4', false],
    ['2001:db8::/32', '2001:db8:1234::1', true],
    ['2001:db8::/32', '2001:db9::1', false],
    ['::1/128', '0:0:0:0:0:0:0:1', true],
    ['::ffff:192.0.2.0/120', '::ffff:192.0.2.33', true],
    ['203.0.113.0/24', '2001:db8::1', false],
    ['2001:db8::/32', '203.0.113.1', false],
    ['203.0.113.0/24', 'not-an-ip', false],
  ])('%s contains %s: %s', (cidr, address, expected) => {
    expect(within(cidr, address)).toBe(expected);
  });

  it('refuses malformed addresses and prefixes', () => {
    for (const bad of [
      '256.0.0.1/8',
      '1.2.3/8',
      '1.2.3.4/33',
      '2001:db8::/129',
      '1::2::3',
      '1.2.3.4/x',
      '01.2.3.4',
    ]) {
      expect(parseCidr(bad), bad).toBeUndefined();
    }
    expect(parseIpAddress('1:2:3:4:5:6:7:8:9')).toBeUndefined();
    expect(parseIpAddress('1:2:3:4:5:6:7:8')?.family).toBe(6);
  });
});
