import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { clampCapacity } from './clamp-capacity.js';
import { cooldownDecision, effectiveCooldown } from './scaling-cooldown.js';
import { percentChange, selectStepAdjustment, stepCapacity } from './step-adjustment.js';
import { targetTrackingCapacity } from './target-tracking-capacity.js';

describe('targetTrackingCapacity', () => {
  it('scales out in proportion: ceil(current × metric / target)', () => {
    expect(targetTrackingCapacity({ current: 2, metric: 90, target: 70, disableScaleIn: false })).toBe(3);
    expect(targetTrackingCapacity({ current: 4, metric: 140, target: 70, disableScaleIn: false })).toBe(8);
    expect(targetTrackingCapacity({ current: 3, metric: 70, target: 70, disableScaleIn: false })).toBe(3);
  });

  it('scales in gradually, at most 10 % (at least one) at a time, and not at all with DisableScaleIn', () => {
    expect(targetTrackingCapacity({ current: 4, metric: 10, target: 70, disableScaleIn: false })).toBe(3);
    expect(targetTrackingCapacity({ current: 40, metric: 10, target: 70, disableScaleIn: false })).toBe(36);
    expect(targetTrackingCapacity({ current: 4, metric: 10, target: 70, disableScaleIn: true })).toBe(4);
  });

  it('never scales in below the proportional capacity, and never against the metric', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 1, max: 100, noNaN: true }),
        (current, metric, target) => {
          const next = targetTrackingCapacity({ current, metric, target, disableScaleIn: false });
          const proportional = Math.ceil((current * metric) / target - 1e-9);
          if (metric > target) expect(next).toBeGreaterThanOrEqual(current);
          if (metric < target) expect(next).toBeLessThanOrEqual(current);
          expect(next).toBeGreaterThanOrEqual(Math.min(current, proportional));
        },
      ),
    );
  });
});

describe('step adjustments', () => {
  const steps = [
    { MetricIntervalUpperBound: -10, ScalingAdjustment: -2 },
    { MetricIntervalLowerBound: -10, MetricIntervalUpperBound: 0, ScalingAdjustment: -1 },
    { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 20, ScalingAdjustment: 1 },
    { MetricIntervalLowerBound: 20, ScalingAdjustment: 3 },
  ];

  it('selects by metric − threshold: lower bound inclusive above the threshold, upper bound inclusive below', () => {
    expect(selectStepAdjustment(steps, 70, 70)?.ScalingAdjustment).toBe(1);
    expect(selectStepAdjustment(steps, 90, 70)?.ScalingAdjustment).toBe(3);
    expect(selectStepAdjustment(steps, 89.9, 70)?.ScalingAdjustment).toBe(1);
    expect(selectStepAdjustment(steps, 60.1, 70)?.ScalingAdjustment).toBe(-1);
    expect(selectStepAdjustment(steps, 60, 70)?.ScalingAdjustment).toBe(-2);
    expect(selectStepAdjustment([steps[2]!], 10, 70)).toBeUndefined();
  });

  it('computes ChangeInCapacity, ExactCapacity and PercentChangeInCapacity with AWS rounding', () => {
    expect(stepCapacity({ current: 3, adjustmentType: 'ChangeInCapacity', scalingAdjustment: 2 })).toBe(5);
    expect(stepCapacity({ current: 3, adjustmentType: 'ExactCapacity', scalingAdjustment: 7 })).toBe(7);
    expect(
      stepCapacity({ current: 10, adjustmentType: 'PercentChangeInCapacity', scalingAdjustment: 25 }),
    ).toBe(12);
    expect(
      stepCapacity({ current: 10, adjustmentType: 'PercentChangeInCapacity', scalingAdjustment: -25 }),
    ).toBe(8);
    expect(percentChange(2, 10, undefined)).toBe(1);
    expect(percentChange(2, -10, undefined)).toBe(-1);
    expect(percentChange(10, 10, 3)).toBe(3);
    expect(percentChange(10, -10, 3)).toBe(-3);
  });
});

describe('cooldowns', () => {
  const now = 1000;

  it('let a scale-out through during a scale-in cooldown', () => {
    const lastScaleIn = { at: now - 10, capacity: 2, cooldown: 300 };
    expect(cooldownDecision({ now, current: 2, proposed: 4, lastScaleIn })).toEqual({ allowed: true });
  });

  it('count the capacity of the last scale-out during its cooldown', () => {
    const lastScaleOut = { at: now - 10, capacity: 4, cooldown: 300 };
    expect(cooldownDecision({ now, current: 3, proposed: 4, lastScaleOut })).toEqual({
      allowed: false,
      reason: 'scale-out cooldown',
    });
    expect(cooldownDecision({ now, current: 4, proposed: 6, lastScaleOut })).toEqual({ allowed: true });
  });

  it('hold scale-in during the scale-in cooldown, unless a scale-out came since, and during a scale-out cooldown', () => {
    const lastScaleIn = { at: now - 10, capacity: 3, cooldown: 300 };
    expect(cooldownDecision({ now, current: 3, proposed: 2, lastScaleIn })).toEqual({
      allowed: false,
      reason: 'scale-in cooldown',
    });
    const lastScaleOut = { at: now - 400, capacity: 4, cooldown: 300 };
    expect(
      cooldownDecision({
        now,
        current: 4,
        proposed: 3,
        lastScaleIn: { ...lastScaleIn, at: now - 500 },
        lastScaleOut,
      }),
    ).toEqual({ allowed: true });
    expect(
      cooldownDecision({ now, current: 4, proposed: 3, lastScaleOut: { ...lastScaleOut, at: now - 10 } }),
    ).toEqual({ allowed: false, reason: 'scale-out cooldown' });
    expect(cooldownDecision({ now: now + 300, current: 3, proposed: 2, lastScaleIn })).toEqual({
      allowed: true,
    });
  });

  it('default to 300 s and shorten to the cap', () => {
    expect(effectiveCooldown(undefined)).toBe(300);
    expect(effectiveCooldown(600, 5)).toBe(5);
    const lastScaleIn = { at: now - 10, capacity: 3, cooldown: 300 };
    expect(cooldownDecision({ now, current: 3, proposed: 2, lastScaleIn, cap: 5 })).toEqual({
      allowed: true,
    });
  });
});

describe('clampCapacity', () => {
  it('keeps a capacity within min and max', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 50 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        (n, a, b) => {
          const [min, max] = a <= b ? [a, b] : [b, a];
          const clamped = clampCapacity(n, min, max);
          expect(clamped).toBeGreaterThanOrEqual(min);
          expect(clamped).toBeLessThanOrEqual(max);
          if (n >= min && n <= max) expect(clamped).toBe(n);
        },
      ),
    );
  });
});
