import { describe, expect, it } from 'vitest';

import { allocateAddress } from './awsvpc-addresses.js';

describe('allocateAddress', () => {
  it('hands out the lowest free loopback address in 127.1/16, skipping .0 and .255', () => {
    expect(allocateAddress(new Set())).toBe('127.1.0.1');
    expect(allocateAddress(new Set(['127.1.0.1', '127.1.0.2']))).toBe('127.1.0.3');
    const taken = new Set(Array.from({ length: 254 }, (_, i) => `127.1.0.${i + 1}`));
    expect(allocateAddress(taken)).toBe('127.1.1.1');
  });
});
