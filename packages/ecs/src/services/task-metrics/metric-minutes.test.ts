import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  HIGH_RESOLUTION_PERIOD_MS,
  LATE_SAMPLE_ALLOWANCE_MS,
  MAX_MINUTES_BEHIND,
  MINUTE_MS,
  minutesToFold,
  periodsToFold,
} from './metric-minutes.js';

const T = 1_700_000_040_000; // a minute boundary

describe('minutesToFold', () => {
  it('waits for late samples before folding the minute that just ended', () => {
    expect(minutesToFold(undefined, T + LATE_SAMPLE_ALLOWANCE_MS - 1)).toEqual([T - 2 * MINUTE_MS]);
    expect(minutesToFold(undefined, T + LATE_SAMPLE_ALLOWANCE_MS)).toEqual([T - MINUTE_MS]);
  });

  it('folds each minute once, in order, with no gaps, however the ticks fall', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 3 * MINUTE_MS }), { maxLength: 30 }), (steps) => {
        let now = T;
        let last: number | undefined;
        const folded: number[] = [];
        for (const step of steps) {
          now += step;
          const minutes = minutesToFold(last, now);
          folded.push(...minutes);
          last = minutes.at(-1) ?? last;
        }
        for (let i = 1; i < folded.length; i += 1) {
          const gap = (folded[i] ?? 0) - (folded[i - 1] ?? 0);
          expect(gap === MINUTE_MS || gap > MAX_MINUTES_BEHIND * MINUTE_MS - MINUTE_MS).toBe(true);
        }
        for (const start of folded)
          expect(start + MINUTE_MS + LATE_SAMPLE_ALLOWANCE_MS).toBeLessThanOrEqual(now);
      }),
    );
  });
});

describe('periodsToFold at high resolution', () => {
  it('folds 10-s periods once they ended and the late-sample allowance passed', () => {
    const P = HIGH_RESOLUTION_PERIOD_MS;
    expect(periodsToFold(undefined, T + LATE_SAMPLE_ALLOWANCE_MS, P)).toEqual([T - P]);
    expect(periodsToFold(T - P, T + LATE_SAMPLE_ALLOWANCE_MS + 2 * P, P)).toEqual([T, T + P]);
    const behind = periodsToFold(T, T + 10 * MINUTE_MS, P);
    expect(behind).toHaveLength((MAX_MINUTES_BEHIND * MINUTE_MS) / P);
    expect(behind.at(-1)).toBe(T + 10 * MINUTE_MS - LATE_SAMPLE_ALLOWANCE_MS - P);
  });
});
