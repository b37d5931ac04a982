import { describe, expect, it } from 'vitest';

import { parseBlock } from './address-block.js';
import { TaskAddresses } from './task-addresses.js';

const block = parseBlock('127.1.4.0/30')!; // 127.1.4.1 and 127.1.4.2

describe('TaskAddresses', () => {
  it('never hands out an address a container binds, nor one a task holds', async () => {
    const bound = new Set(['127.1.4.1']);
    const pool = new TaskAddresses(block, { boundHostIps: () => Promise.resolve(bound) });
    expect(await pool.allocate('a')).toBe('127.1.4.2');
    expect(await pool.allocate('a')).toBe('127.1.4.2');
    await expect(pool.allocate('b')).rejects.toThrow('no free address left in 127.1.4.0/30');
    bound.clear();
    expect(await pool.allocate('b')).toBe('127.1.4.1');
  });

  it('hands out round-robin: a released address is not the next one given', async () => {
    const pool = new TaskAddresses(parseBlock('127.1.8.0/29')!, {
      boundHostIps: () => Promise.resolve(new Set()),
    });
    expect(await pool.allocate('a')).toBe('127.1.8.1');
    pool.release('a');
    expect(await pool.allocate('b')).toBe('127.1.8.2');
  });

  it('concurrent allocations get distinct addresses', async () => {
    const pool = new TaskAddresses(parseBlock('127.1.8.0/28')!, {
      boundHostIps: () => Promise.resolve(new Set()),
    });
    const got = await Promise.all(['a', 'b', 'c', 'd'].map((t) => pool.allocate(t)));
    expect(new Set(got).size).toBe(4);
  });

  it('keeps the address of an adopted task', async () => {
    const pool = new TaskAddresses(block, { boundHostIps: () => Promise.resolve(new Set()) });
    pool.adopt('a', '127.1.4.1');
    expect(await pool.allocate('b')).toBe('127.1.4.2');
    expect(pool.addressOf('a')).toBe('127.1.4.1');
  });
});
