/** Properties of metric math on time series: arithmetic is pointwise, aggregates agree with their definitions. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { aggregate, arithmetic, type MathValue, type TimeSeries } from './expression-values.js';
import { parseExpression } from './metric-expression.js';

const seriesArb = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: -1000, max: 1000 })), { maxLength: 20 })
  .map((entries): TimeSeries => ({
    label: 's',
    period: 60,
    points: new Map(entries.map(([i, v]) => [i * 60_000, v])),
  }));

const series = (s: TimeSeries): MathValue => ({ kind: 'series', series: s });
const pointsOf = (v: MathValue): Map<number, number> => new Map(v.kind === 'series' ? v.series.points : []);

describe('metric math', () => {
  it('a + b has a point exactly where both have one, equal to their sum', () => {
    fc.assert(
      fc.property(seriesArb, seriesArb, (a, b) => {
        const sum = pointsOf(arithmetic('+', series(a), series(b)));
        for (const [t, v] of a.points)
          expect(sum.get(t)).toBe(b.points.has(t) ? v + b.points.get(t)! : undefined);
        expect([...sum.keys()].every((t) => a.points.has(t) && b.points.has(t))).toBe(true);
      }),
    );
  });

  it('SUM([a, b]) covers every timestamp of either, and MAX ≥ AVG ≥ MIN there', () => {
    fc.assert(
      fc.property(seriesArb, seriesArb, (a, b) => {
        const list = [series(a), series(b)];
        const [sum, max, avg, min] = (['SUM', 'MAX', 'AVG', 'MIN'] as const).map((fn) =>
          pointsOf(aggregate(fn, list, 'x')),
        );
        expect(new Set(sum!.keys())).toEqual(new Set([...a.points.keys(), ...b.points.keys()]));
        for (const [t, s] of sum!) {
          expect(s).toBe((a.points.get(t) ?? 0) + (b.points.get(t) ?? 0));
          expect(max!.get(t)!).toBeGreaterThanOrEqual(avg!.get(t)! - 1e-9);
          expect(avg!.get(t)!).toBeGreaterThanOrEqual(min!.get(t)! - 1e-9);
        }
      }),
    );
  });

  it('division by zero leaves the point out, and precedence is * / before + -', () => {
    const a: TimeSeries = {
      label: 'a',
      period: 60,
      points: new Map([
        [0, 1],
        [60_000, 2],
      ]),
    };
    const b: TimeSeries = {
      label: 'b',
      period: 60,
      points: new Map([
        [0, 0],
        [60_000, 4],
      ]),
    };
    expect([...pointsOf(arithmetic('/', series(a), series(b)))]).toEqual([[60_000, 0.5]]);
    expect(parseExpression('1 + 2 * x')).toEqual({
      kind: 'binary',
      op: '+',
      left: { kind: 'number', value: 1 },
      right: { kind: 'binary', op: '*', left: { kind: 'number', value: 2 }, right: { kind: 'ref', id: 'x' } },
    });
  });
});
