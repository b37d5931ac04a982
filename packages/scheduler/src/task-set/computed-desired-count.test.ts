import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { computedDesiredCount } from './computed-desired-count.js';

describe('computedDesiredCount', () => {
  it('rounds desiredCount × scale % up, as ECS documents (1.2 → 2)', () => {
    expect(computedDesiredCount(4, 30)).toBe(2); // 1.2
    expect(computedDesiredCount(10, 50)).toBe(5);
    expect(computedDesiredCount(3, 33.3)).toBe(1); // 0.999
    expect(computedDesiredCount(3, 100 / 3)).toBe(1);
    expect(computedDesiredCount(1000, 0.3)).toBe(3);
    expect(computedDesiredCount(1, 0.0001)).toBe(1);
    expect(computedDesiredCount(5, 0)).toBe(0);
    expect(computedDesiredCount(0, 100)).toBe(0);
    expect(computedDesiredCount(7, 100)).toBe(7);
  });

  it('never exceeds the desired count and never undercounts the share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 100_000 }),
        (desired, milli) => {
          const scale = milli / 1000;
          const count = computedDesiredCount(desired, scale);
          expect(count).toBeLessThanOrEqual(desired);
          expect(count).toBeGreaterThanOrEqual((desired * scale) / 100 - 1e-9);
          expect(count - 1).toBeLessThan((desired * scale) / 100 + 1e-9);
        },
      ),
    );
  });
});
