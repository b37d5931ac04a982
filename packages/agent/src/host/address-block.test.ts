import { describe, expect, it } from 'vitest';

import { blockAddresses, defaultBlocks, inBlock, parseBlock } from './address-block.js';

describe('address blocks', () => {
  it('parses and normalises CIDRs, refusing what is not one', () => {
    expect(parseBlock('127.1.5.9/22')?.cidr).toBe('127.1.4.0/22');
    for (const bad of ['127.1.4.0', '127.1.4/22', '300.1.1.1/24', '127.1.4.0/31', '127.1.4.0/x'])
      expect(parseBlock(bad)).toBeUndefined();
  });

  it('gives 1,016 usable addresses per /22, none a network or broadcast address', () => {
    const addresses = blockAddresses(parseBlock('127.1.4.0/22')!);
    expect(addresses).toHaveLength(1016);
    expect(addresses[0]).toBe('127.1.4.1');
    expect(addresses.at(-1)).toBe('127.1.7.254');
    expect(addresses.some((a) => a.endsWith('.0') || a.endsWith('.255'))).toBe(false);
  });

  it('splits 127.1.0.0/16 into 64 blocks of /22', () => {
    const blocks = defaultBlocks();
    expect(blocks).toHaveLength(64);
    expect(blocks[1]?.cidr).toBe('127.1.4.0/22');
    expect(inBlock(blocks[1]!, '127.1.7.3')).toBe(true);
    expect(inBlock(blocks[1]!, '127.1.8.1')).toBe(false);
  });
});
