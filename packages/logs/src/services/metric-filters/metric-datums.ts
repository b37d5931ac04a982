/**
 * What one PutLogEvents batch publishes through a group's metric filters: each matching event
 * gives its filter's metric a value (the metricValue number, or the field it names read as a
 * number) with dimensions from the fields the filter names; values of one metric, dimensions, unit
 * and minute fold into one statistic set, so a batch makes one datum per metric and minute, never
 * one per event. A filter with a defaultValue gives that value once for each minute the batch has
 * events in but none matching. An event whose value or a dimension is missing or not a number
 * gives nothing (as on AWS).
 */
import type { MetricTransformation } from '@berth/wire/logs';

import type { ExtractingPattern, PatternMatch } from '../filter-pattern/compile-filter-pattern.js';

import type { LogMetricDatum } from './log-metric-sink.js';

export interface CompiledMetricFilter {
  readonly pattern: ExtractingPattern;
  readonly transformation: MetricTransformation;
}

export interface IngestedEvent {
  readonly timestamp: number;
  readonly message: string;
}

const MINUTE_MS = 60_000;

interface Bucket {
  readonly namespace: string;
  readonly datum: LogMetricDatum;
}

/** The value of a matching event; undefined when the field is missing or not a number. */
export const metricValueOf = (metricValue: string, match: PatternMatch): number | undefined => {
  const text = metricValue.startsWith('$') ? match.valueOf(metricValue) : metricValue;
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
};

const dimensionsOf = (
  transformation: MetricTransformation,
  match: PatternMatch,
): LogMetricDatum['Dimensions'] | undefined => {
  const dimensions: { Name: string; Value: string }[] = [];
  for (const [name, field] of Object.entries(transformation.dimensions ?? {}).sort(([a], [b]) =>
    a < b ? -1 : 1,
  )) {
    const value = match.valueOf(field);
    if (value === undefined || value === '') return undefined;
    dimensions.push({ Name: name, Value: value });
  }
  return dimensions;
};

const add = (
  buckets: Map<string, Bucket>,
  transformation: MetricTransformation,
  dimensions: LogMetricDatum['Dimensions'],
  minute: number,
  value: number,
): void => {
  const key = JSON.stringify([
    transformation.metricNamespace,
    transformation.metricName,
    dimensions,
    transformation.unit ?? '',
    minute,
  ]);
  const held = buckets.get(key)?.datum.StatisticValues;
  buckets.set(key, {
    namespace: transformation.metricNamespace,
    datum: {
      MetricName: transformation.metricName,
      Dimensions: dimensions,
      Timestamp: minute / 1000,
      StatisticValues: {
        SampleCount: (held?.SampleCount ?? 0) + 1,
        Sum: (held?.Sum ?? 0) + value,
        Minimum: Math.min(held?.Minimum ?? value, value),
        Maximum: Math.max(held?.Maximum ?? value, value),
      },
      ...(transformation.unit !== undefined ? { Unit: transformation.unit } : {}),
    },
  });
};

/** The datums of one batch, by namespace. */
export const metricDatumsOf = (
  filters: readonly CompiledMetricFilter[],
  events: readonly IngestedEvent[],
): Map<string, LogMetricDatum[]> => {
  const buckets = new Map<string, Bucket>();
  for (const { pattern, transformation } of filters) {
    const minutes = new Map<number, boolean>();
    for (const event of events) {
      const minute = Math.floor(event.timestamp / MINUTE_MS) * MINUTE_MS;
      const match = pattern.match(event.message);
      minutes.set(minute, (minutes.get(minute) ?? false) || match !== undefined);
      if (match === undefined) continue;
      const value = metricValueOf(transformation.metricValue, match);
      const dimensions = dimensionsOf(transformation, match);
      if (value !== undefined && dimensions !== undefined)
        add(buckets, transformation, dimensions, minute, value);
    }
    if (transformation.defaultValue === undefined) continue;
    for (const [minute, matched] of minutes) {
      if (!matched) add(buckets, transformation, [], minute, transformation.defaultValue);
    }
  }
  const byNamespace = new Map<string, LogMetricDatum[]>();
  for (const { namespace, datum } of buckets.values()) {
    byNamespace.set(namespace, [...(byNamespace.get(namespace) ?? []), datum]);
  }
  return byNamespace;
};
