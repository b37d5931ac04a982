import { describe, expect, it } from 'vitest';

import { hashString } from './hash-string.js';
import { seededRandom } from './seeded-random.js';

describe('seededRandom', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = seededRandom('task-1');
    const b = seededRandom('task-1');
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
  });

  it('differs between seeds', () => {
    expect(seededRandom('a')()).not.toBe(seededRandom('b')());
  });

  it('stays in [0, 1) and spreads over buckets', () => {
    const random = seededRandom('spread');
    const buckets = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) {
      const value = random();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      buckets[Math.floor(value * 4)]! += 1;
    }
    for (const count of buckets) expect(count).toBeGreaterThan(800);
  });
});

describe('hashString', () => {
  it('is a stable unsigned 32-bit value', () => {
    expect(hashString('seed')).toBe(hashString('seed'));
    expect(hashString('seed')).toBeGreaterThanOrEqual(0);
    expect(hashString('seed')).toBeLessThan(2 ** 32);
    expect(hashString('seed')).not.toBe(hashString('seee'));
  });
});
