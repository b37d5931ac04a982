/** Rules shared by the metric operations: units, statistics, periods, dimensions, times. */
import { CLOUDWATCH_MODEL, type Dimension, type StandardUnit } from '@berth/wire/cloudwatch';
import type { MetricDimension } from '@berth/telemetry';

import { invalidParameterValue, invalidValue, missingParameter, tooMany } from './cloudwatch-errors.js';

/** CloudWatch's units, as its model lists them. */
export const STANDARD_UNITS = (CLOUDWATCH_MODEL.shapes['StandardUnit']?.enum ??
  []) as readonly StandardUnit[];

export const STATISTICS = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'] as const;
export type StatisticName = (typeof STATISTICS)[number];

export const MAX_DIMENSIONS = 30;
export const HIGH_RESOLUTION_PERIODS: readonly number[] = [1, 5, 10, 20, 30];

export const checkUnit = (unit: string | undefined, member: string): void => {
  if (unit !== undefined && !(STANDARD_UNITS as readonly string[]).includes(unit))
    throw invalidValue(unit, member);
};

/** Period: 1, 5, 10, 20, 30 or a multiple of 60 seconds. */
export const checkPeriod = (period: number | undefined, member: string): number => {
  if (period === undefined) throw missingParameter(member);
  if (!Number.isInteger(period) || period < 1) throw invalidValue(period, member);
  if (period < 60 ? !HIGH_RESOLUTION_PERIODS.includes(period) : period % 60 !== 0) {
    throw invalidParameterValue(`The parameter ${member} must be a multiple of 60.`);
  }
  return period;
};

/** Dimensions as the store keeps them, each checked (names unique, at most 30). */
export const dimensionsOf = (
  dimensions: readonly Dimension[] | undefined,
  member: string,
): MetricDimension[] => {
  const list = dimensions ?? [];
  if (list.length > MAX_DIMENSIONS) throw tooMany(member, MAX_DIMENSIONS);
  const names = new Set<string>();
  return list.map((d, i) => {
    const at = `${member}.member.${i + 1}`;
    if (!d.Name) throw missingParameter(`${at}.Name`);
    if (d.Value === undefined || d.Value === '') throw missingParameter(`${at}.Value`);
    if (names.has(d.Name))
      throw invalidParameterValue(`No metric may have duplicate dimension names: ${d.Name}.`);
    names.add(d.Name);
    return { name: d.Name, value: d.Value };
  });
};

/** A request time (epoch seconds on the handler side) in milliseconds, required. */
export const timeOf = (seconds: number | undefined, member: string): number => {
  if (seconds === undefined) throw missingParameter(member);
  if (!Number.isFinite(seconds)) throw invalidValue(seconds, member);
  return Math.round(seconds * 1000);
};

export const checkTimeRange = (start: number, end: number): void => {
  if (start >= end)
    throw invalidParameterValue('The parameter StartTime must be less than the parameter EndTime.');
};

export const checkNamespace = (namespace: string | undefined, member: string): string => {
  if (namespace === undefined || namespace === '') throw missingParameter(member);
  if (namespace.length > 255 || namespace.startsWith(':')) throw invalidValue(namespace, member);
  return namespace;
};
