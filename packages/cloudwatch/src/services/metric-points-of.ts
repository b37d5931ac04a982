/**
 * PutMetricData's rules: each MetricDatum checked as CloudWatch checks it and turned into the one
 * statistic set it adds to its bucket (1-second buckets for StorageResolution 1, else 1-minute).
 */
import type { MetricDatum } from '@berth/wire/cloudwatch';
import type { MetricPoint, StatisticSet } from '@berth/telemetry';

import {
  invalidParameterCombination,
  invalidParameterValue,
  invalidValue,
  missingParameter,
  mutuallyExclusive,
  tooMany,
} from './cloudwatch-errors.js';
import { checkUnit, dimensionsOf } from './metric-rules.js';

export const MAX_METRIC_DATA = 1000;
export const MAX_VALUES = 150;
const TWO_WEEKS_MS = 14 * 24 * 3_600_000;
const TWO_HOURS_MS = 2 * 3_600_000;
/** CloudWatch rejects values outside ±2^360 (and NaN, ±Infinity). */
const LIMIT = 2 ** 360;

const checkValue = (value: number, member: string): number => {
  if (!Number.isFinite(value) || Math.abs(value) > LIMIT) throw invalidValue(value, member);
  return value;
};

const statisticsOf = (datum: MetricDatum, at: string): StatisticSet => {
  const given = [
    datum.Value !== undefined && 'Value',
    datum.StatisticValues !== undefined && 'StatisticValues',
    datum.Values !== undefined && 'Values',
  ].filter((g): g is string => g !== false);
  if (given.length > 1) throw mutuallyExclusive(`${at}.${given[0]}`, `${at}.${given[1]}`);
  if (datum.Value !== undefined) {
    const v = checkValue(datum.Value, `${at}.Value`);
    return { sampleCount: 1, sum: v, minimum: v, maximum: v };
  }
  if (datum.StatisticValues !== undefined) {
    const s = datum.StatisticValues;
    for (const name of ['SampleCount', 'Sum', 'Minimum', 'Maximum'] as const) {
      if (s[name] === undefined) throw missingParameter(`${at}.StatisticValues.${name}`);
      checkValue(s[name], `${at}.StatisticValues.${name}`);
    }
    if (s.SampleCount <= 0) throw invalidValue(s.SampleCount, `${at}.StatisticValues.SampleCount`);
    if (s.Minimum > s.Maximum) {
      throw invalidParameterValue(
        `The parameter ${at}.StatisticValues.Minimum must be less than or equal to ${at}.StatisticValues.Maximum.`,
      );
    }
    return { sampleCount: s.SampleCount, sum: s.Sum, minimum: s.Minimum, maximum: s.Maximum };
  }
  if (datum.Values !== undefined) return valuesStatistics(datum.Values, datum.Counts, at);
  throw invalidParameterCombination(
    `One of the parameters ${at}.Value, ${at}.Values or ${at}.StatisticValues must be specified.`,
  );
};

const valuesStatistics = (
  values: readonly number[],
  counts: readonly number[] | undefined,
  at: string,
): StatisticSet => {
  if (values.length === 0) throw missingParameter(`${at}.Values`);
  if (values.length > MAX_VALUES) throw tooMany(`${at}.Values`, MAX_VALUES);
  if (counts !== undefined && counts.length !== values.length) {
    throw invalidParameterValue(`The parameters ${at}.Values and ${at}.Counts must be of the same size.`);
  }
  let sampleCount = 0;
  let sum = 0;
  let minimum = Infinity;
  let maximum = -Infinity;
  values.forEach((value, i) => {
    checkValue(value, `${at}.Values.member.${i + 1}`);
    const count = counts?.[i] ?? 1;
    if (!Number.isFinite(count) || count < 0) throw invalidValue(count, `${at}.Counts.member.${i + 1}`);
    if (count === 0) return;
    sampleCount += count;
    sum += value * count;
    minimum = Math.min(minimum, value);
    maximum = Math.max(maximum, value);
  });
  if (sampleCount === 0) throw invalidValue(0, `${at}.Counts`);
  return { sampleCount, sum, minimum, maximum };
};

const timestampOf = (seconds: number | undefined, at: string, now: number): number => {
  if (seconds === undefined) return now;
  const ms = Math.round(seconds * 1000);
  if (!Number.isFinite(ms)) throw invalidValue(seconds, `${at}.Timestamp`);
  if (ms < now - TWO_WEEKS_MS) {
    throw invalidParameterValue(
      `The parameter ${at}.Timestamp must specify a time no more than two weeks in the past.`,
    );
  }
  if (ms > now + TWO_HOURS_MS) {
    throw invalidParameterValue(
      `The parameter ${at}.Timestamp must specify a time no more than two hours in the future.`,
    );
  }
  return ms;
};

/** The points of one PutMetricData request's MetricData (checked; `namespace` already is). */
export const metricPointsOf = (
  namespace: string,
  data: readonly MetricDatum[] | undefined,
  now: number,
): MetricPoint[] => {
  if (data === undefined || data.length === 0) throw missingParameter('MetricData');
  if (data.length > MAX_METRIC_DATA) throw tooMany('MetricData', MAX_METRIC_DATA);
  return data.map((datum, i) => {
    const at = `MetricData.member.${i + 1}`;
    if (!datum.MetricName) throw missingParameter(`${at}.MetricName`);
    checkUnit(datum.Unit, `${at}.Unit`);
    const resolution = datum.StorageResolution ?? 60;
    if (resolution !== 1 && resolution !== 60) throw invalidValue(resolution, `${at}.StorageResolution`);
    const bucketMs = resolution * 1000;
    const timestamp = timestampOf(datum.Timestamp, at, now);
    return {
      series: {
        namespace,
        metricName: datum.MetricName,
        dimensions: dimensionsOf(datum.Dimensions, `${at}.Dimensions`),
      },
      unit: datum.Unit ?? 'None',
      resolution,
      periodStart: Math.floor(timestamp / bucketMs) * bucketMs,
      statistics: statisticsOf(datum, at),
    };
  });
};
