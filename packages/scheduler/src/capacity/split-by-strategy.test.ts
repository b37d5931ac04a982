import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { splitByStrategy, type StrategyItem } from './split-by-strategy.js';

const item = (capacityProvider: string, weight: number, base = 0): StrategyItem => ({
  capacityProvider,
  weight,
  base,
});

describe('splitByStrategy', () => {
  it('reproduces the ECS example: base 2 on A, weights 1:4, 12 tasks → A 4, B 8', () => {
    const split = splitByStrategy([item('A', 1, 2), item('B', 4)], 12);
    expect(Object.fromEntries(split)).toEqual({ A: 4, B: 8 });
  });

  it('fills the base first even when its weight is 0', () => {
    expect(Object.fromEntries(splitByStrategy([item('A', 0, 3), item('B', 1)], 5))).toEqual({ A: 3, B: 2 });
  });

  it('never uses a weight-0 provider beyond its base', () => {
    expect(Object.fromEntries(splitByStrategy([item('A', 0), item('B', 1)], 4))).toEqual({ A: 0, B: 4 });
  });

  it('counts existing tasks, so scaling a service out continues the same split', () => {
    const strategy = [item('A', 1, 2), item('B', 4)];
    const first = splitByStrategy(strategy, 7);
    const more = splitByStrategy(strategy, 5, first);
    const total = {
      A: (first.get('A') ?? 0) + (more.get('A') ?? 0),
      B: (first.get('B') ?? 0) + (more.get('B') ?? 0),
    };
    expect(total).toEqual({ A: 4, B: 8 });
  });

  it('splits equal weights evenly, the first listed provider taking the odd task', () => {
    expect(Object.fromEntries(splitByStrategy([item('A', 1), item('B', 1)], 5))).toEqual({ A: 3, B: 2 });
  });

  it('places every task and stays within one task of the weighted share beyond the base', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 200 }),
        (weights, base, count) => {
          fc.pre(weights.some((w) => w > 0));
          const strategy = weights.map((w, i) => item(`P${i}`, w, i === 0 ? base : 0));
          const split = splitByStrategy(strategy, count);
          const placed = [...split.values()].reduce((a, b) => a + b, 0);
          expect(placed).toBe(count);
          const baseTaken = Math.min(base, count);
          const rest = count - baseTaken;
          const total = weights.reduce((a, b) => a + b, 0);
          strategy.forEach((s, i) => {
            const beyond = (split.get(s.capacityProvider) ?? 0) - (i === 0 ? baseTaken : 0);
            expect(Math.abs(beyond - (rest * s.weight) / total)).toBeLessThanOrEqual(1);
          });
        },
      ),
    );
  });
});
