/**
 * What metric math computes with (pure): scalars, time series (timestamp → value, with the
 * period they were taken at) and arrays of time series; and the arithmetic and functions on them.
 */
import { ExpressionError } from './metric-expression.js';

export interface TimeSeries {
  readonly label: string;
  /** Period in seconds. */
  readonly period: number;
  /** Epoch milliseconds → value. */
  readonly points: ReadonlyMap<number, number>;
}

export type MathValue =
  | { readonly kind: 'scalar'; readonly value: number }
  | { readonly kind: 'series'; readonly series: TimeSeries }
  | { readonly kind: 'array'; readonly series: readonly TimeSeries[] };

export const scalar = (value: number): MathValue => ({ kind: 'scalar', value });

const finitePoints = (entries: Iterable<[number, number]>): Map<number, number> =>
  new Map([...entries].filter(([, v]) => Number.isFinite(v)).sort(([a], [b]) => a - b));

const mapSeries = (s: TimeSeries, f: (v: number) => number): TimeSeries => ({
  ...s,
  points: finitePoints([...s.points].map(([t, v]) => [t, f(v)])),
});

const OPS = {
  '+': (a: number, b: number) => a + b,
  '-': (a: number, b: number) => a - b,
  '*': (a: number, b: number) => a * b,
  '/': (a: number, b: number) => a / b,
} as const;

const combineSeries = (a: TimeSeries, b: TimeSeries, f: (x: number, y: number) => number): TimeSeries => ({
  label: a.label,
  period: a.period,
  points: finitePoints(
    [...a.points].flatMap(([t, v]): [number, number][] => {
      const w = b.points.get(t);
      return w === undefined ? [] : [[t, f(v, w)]];
    }),
  ),
});

/** `left op right` for any mix of scalars, series and arrays (arrays element by element). */
export const arithmetic = (op: keyof typeof OPS, left: MathValue, right: MathValue): MathValue => {
  const f = OPS[op];
  if (left.kind === 'scalar' && right.kind === 'scalar') return scalar(f(left.value, right.value));
  if (left.kind === 'array')
    return {
      kind: 'array',
      series: left.series.map((s) => asSeries(arithmetic(op, { kind: 'series', series: s }, right))),
    };
  if (right.kind === 'array')
    return {
      kind: 'array',
      series: right.series.map((s) => asSeries(arithmetic(op, left, { kind: 'series', series: s }))),
    };
  if (left.kind === 'series' && right.kind === 'scalar')
    return { kind: 'series', series: mapSeries(left.series, (v) => f(v, right.value)) };
  if (left.kind === 'scalar' && right.kind === 'series')
    return { kind: 'series', series: mapSeries(right.series, (v) => f(left.value, v)) };
  return { kind: 'series', series: combineSeries(asSeries(left), asSeries(right), f) };
};

const asSeries = (value: MathValue): TimeSeries => {
  if (value.kind !== 'series') throw new ExpressionError('Expected a time series.');
  return value.series;
};

/** The series of a function's arguments: one array, or several series. */
export const seriesArguments = (args: readonly MathValue[]): TimeSeries[] =>
  args.flatMap((a) => (a.kind === 'array' ? a.series : a.kind === 'series' ? [a.series] : []));

export type Aggregate = 'SUM' | 'AVG' | 'MIN' | 'MAX';

const aggregateValues = (fn: Aggregate, values: readonly number[]): number => {
  switch (fn) {
    case 'SUM':
      return values.reduce((a, b) => a + b, 0);
    case 'AVG':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'MIN':
      return Math.min(...values);
    case 'MAX':
      return Math.max(...values);
  }
};

/**
 * SUM/AVG/MIN/MAX: of one time series, a scalar over its values; of an array (or several
 * series), a time series of each timestamp's aggregate over the series that have it.
 */
export const aggregate = (fn: Aggregate, args: readonly MathValue[], label: string): MathValue => {
  const only = args[0];
  if (args.length === 1 && only?.kind === 'series') {
    const values = [...only.series.points.values()];
    return scalar(values.length === 0 ? NaN : aggregateValues(fn, values));
  }
  const series = seriesArguments(args);
  if (series.length === 0 || (series.length !== args.length && args.some((a) => a.kind === 'scalar'))) {
    throw new ExpressionError(`${fn} takes a time series or an array of time series.`);
  }
  const byTime = new Map<number, number[]>();
  for (const s of series) for (const [t, v] of s.points) byTime.set(t, [...(byTime.get(t) ?? []), v]);
  return {
    kind: 'series',
    series: {
      label,
      period: series[0]!.period,
      points: finitePoints([...byTime].map(([t, vs]) => [t, aggregateValues(fn, vs)])),
    },
  };
};

/** RATE: the per-second change between consecutive points (the first point has none). */
export const rate = (s: TimeSeries): TimeSeries => {
  const entries = [...s.points];
  return {
    ...s,
    points: finitePoints(
      entries.slice(1).map(([t, v], i): [number, number] => {
        const [t0, v0] = entries[i]!;
        return [t, (v - v0) / ((t - t0) / 1000)];
      }),
    ),
  };
};

/** FILL: every period of [start, end) without a value gets `fill` (REPEAT: the last value before it). */
export const fill = (s: TimeSeries, with_: number | 'REPEAT', start: number, end: number): TimeSeries => {
  const step = s.period * 1000;
  const points = new Map<number, number>();
  let last: number | undefined;
  for (let t = start; t < end; t += step) {
    const known = s.points.get(t);
    if (known !== undefined) last = known;
    const value = known ?? (with_ === 'REPEAT' ? last : with_);
    if (value !== undefined) points.set(t, value);
  }
  return { ...s, points };
};
