/**
 * Folding stored statistic sets into a query's periods (pure): each point goes to the period its
 * bucket starts in, counted from the query's aligned start; sets of one period (and unit) merge.
 */
import type { MetricPoint, StatisticSet } from '@berth/telemetry';

import type { StatisticName } from './metric-rules.js';

export interface PeriodSet {
  /** The period's start, epoch milliseconds. */
  readonly timestamp: number;
  readonly unit: string;
  readonly statistics: StatisticSet;
}

export const mergeSets = (a: StatisticSet, b: StatisticSet): StatisticSet => ({
  sampleCount: a.sampleCount + b.sampleCount,
  sum: a.sum + b.sum,
  minimum: Math.min(a.minimum, b.minimum),
  maximum: Math.max(a.maximum, b.maximum),
});

/** The first period's start: the start time rounded down to the minute (to the second below 60 s). */
export const alignedStart = (start: number, periodSeconds: number): number => {
  const step = periodSeconds < 60 ? 1000 : 60_000;
  return Math.floor(start / step) * step;
};

/** How many periods [start, end) spans. */
export const periodCount = (start: number, end: number, periodSeconds: number): number =>
  Math.ceil((end - alignedStart(start, periodSeconds)) / (periodSeconds * 1000));

/** One set per (period, unit), oldest first. */
export const foldIntoPeriods = (
  points: readonly MetricPoint[],
  start: number,
  periodSeconds: number,
): PeriodSet[] => {
  const base = alignedStart(start, periodSeconds);
  const periodMs = periodSeconds * 1000;
  const sets = new Map<string, PeriodSet>();
  for (const point of points) {
    const timestamp = base + Math.floor((point.periodStart - base) / periodMs) * periodMs;
    const key = `${timestamp}\u0000${point.unit}`;
    const known = sets.get(key);
    sets.set(key, {
      timestamp,
      unit: point.unit,
      statistics: known ? mergeSets(known.statistics, point.statistics) : point.statistics,
    });
  }
  return [...sets.values()].sort((a, b) => a.timestamp - b.timestamp || (a.unit < b.unit ? -1 : 1));
};

/** Merges the units of one period (GetMetricData's statistics ignore units unless asked). */
export const foldUnits = (sets: readonly PeriodSet[]): PeriodSet[] => {
  const byTime = new Map<number, PeriodSet>();
  for (const set of sets) {
    const known = byTime.get(set.timestamp);
    byTime.set(
      set.timestamp,
      known ? { ...known, statistics: mergeSets(known.statistics, set.statistics) } : set,
    );
  }
  return [...byTime.values()];
};

export const statisticOf = (set: StatisticSet, statistic: StatisticName): number => {
  switch (statistic) {
    case 'SampleCount':
      return set.sampleCount;
    case 'Sum':
      return set.sum;
    case 'Minimum':
      return set.minimum;
    case 'Maximum':
      return set.maximum;
    case 'Average':
      return set.sum / set.sampleCount;
  }
};
