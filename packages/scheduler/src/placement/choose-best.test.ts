import { describe, expect, it } from 'vitest';

import { seededRandom } from '../random/seeded-random.js';
import { chooseBest } from './choose-best.js';

describe('chooseBest', () => {
  it('returns the smallest item and undefined for none', () => {
    const random = seededRandom('x');
    expect(chooseBest([3, 1, 2], (a, b) => a - b, random)).toBe(1);
    expect(chooseBest([], (a: number, b: number) => a - b, random)).toBeUndefined();
  });

  it('breaks ties uniformly', () => {
    const random = seededRandom('ties');
    const picks = new Map<string, number>();
    for (let i = 0; i < 3000; i++) {
      const pick = chooseBest(['a', 'b', 'c', 'z'], (x, y) => Number(x === 'z') - Number(y === 'z'), random)!;
      picks.set(pick, (picks.get(pick) ?? 0) + 1);
    }
    expect(picks.get('z')).toBeUndefined();
    for (const name of ['a', 'b', 'c']) expect(picks.get(name)).toBeGreaterThan(850);
  });
});
