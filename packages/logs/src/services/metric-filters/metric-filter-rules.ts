/**
 * PutMetricFilter's checks, as CloudWatch Logs makes them: names, the pattern (compiled), exactly
 * one metric transformation whose value and dimensions the pattern can extract, at most three
 * dimensions, no default value beside dimensions, a CloudWatch unit.
 */
import {
  LOGS_MODEL,
  type MetricTransformation,
  type PutMetricFilterRequest,
  type StandardUnit,
} from '@berth/wire/logs';

import {
  compileExtractingPattern,
  InvalidFilterPatternError,
} from '../filter-pattern/compile-filter-pattern.js';
import type { ExtractingPattern } from '../filter-pattern/compile-filter-pattern.js';
import { checkGroupName } from '../log-names.js';
import { constraintError, invalidParameter, notSupported } from '../logs-errors.js';

export const MAX_METRIC_FILTERS_PER_GROUP = 100;
const MAX_DIMENSIONS = 3;
/** CloudWatch's units, as the Logs model lists them. */
const UNITS = (LOGS_MODEL.shapes['StandardUnit']?.enum ?? []) as readonly StandardUnit[];
/** A metric value written as a number (`1`, `0.5`). */
const NUMBER_LITERAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The filter as stored: the request's members CloudWatch Logs echoes back. */
export interface MetricFilterDefinition {
  readonly filterPattern: string;
  readonly metricTransformations: readonly MetricTransformation[];
}

export const checkText = (value: unknown, member: string, max: number, pattern?: RegExp): string => {
  if (typeof value !== 'string') throw invalidParameter(`${member} is required.`);
  if (value.length < 1)
    throw constraintError(value, member, 'Member must have length greater than or equal to 1');
  if (value.length > max)
    throw constraintError(value, member, `Member must have length less than or equal to ${max}`);
  if (pattern && !pattern.test(value)) {
    throw constraintError(
      value,
      member,
      `Member must satisfy regular expression pattern: ${pattern.source.slice(1, -1)}`,
    );
  }
  return value;
};

export const checkFilterName = (name: unknown): string => checkText(name, 'filterName', 512, /^[^:*]*$/);

/** The pattern compiled; InvalidParameterException when it is not one. */
export const checkFilterPattern = (pattern: unknown): ExtractingPattern => {
  if (typeof pattern !== 'string') throw invalidParameter('filterPattern is required.');
  if (pattern.length > 1024)
    throw constraintError(pattern, 'filterPattern', 'Member must have length less than or equal to 1024');
  try {
    return compileExtractingPattern(pattern);
  } catch (error) {
    if (error instanceof InvalidFilterPatternError) throw invalidParameter('Invalid metric filter pattern');
    throw error;
  }
};

const checkField = (field: string, pattern: ExtractingPattern, what: string): void => {
  if (field.startsWith('$') && !pattern.canExtract(field)) {
    throw invalidParameter(`Invalid ${what}: '${field}' is not a field the filter pattern can extract`);
  }
};

const checkTransformation = (value: unknown, pattern: ExtractingPattern): MetricTransformation => {
  if (typeof value !== 'object' || value === null)
    throw invalidParameter('metricTransformations is required.');
  const t = value as Partial<MetricTransformation>;
  const at = 'metricTransformations.1.member';
  const metricName = checkText(t.metricName, `${at}.metricName`, 255, /^[^:*$]*$/);
  const metricNamespace = checkText(t.metricNamespace, `${at}.metricNamespace`, 255, /^[^:*$]*$/);
  const metricValue = checkText(t.metricValue, `${at}.metricValue`, 100);
  if (!NUMBER_LITERAL.test(metricValue) && !metricValue.startsWith('$')) {
    throw invalidParameter(`Invalid metric value: '${metricValue}' is neither a number nor a $ field`);
  }
  checkField(metricValue, pattern, 'metric value');
  const dimensions = t.dimensions ?? {};
  if (typeof dimensions !== 'object') throw invalidParameter('dimensions must be a map.');
  const entries = Object.entries(dimensions);
  if (entries.length > MAX_DIMENSIONS) {
    throw constraintError(
      dimensions,
      `${at}.dimensions`,
      `Member must have length less than or equal to ${MAX_DIMENSIONS}`,
    );
  }
  for (const [, field] of entries) {
    if (typeof field !== 'string' || !field.startsWith('$'))
      throw invalidParameter('Invalid dimension value: it must be a $ field');
    checkField(field, pattern, 'dimension value');
  }
  if (t.defaultValue !== undefined && typeof t.defaultValue !== 'number')
    throw constraintError(t.defaultValue, `${at}.defaultValue`, 'Member must be a number');
  if (t.defaultValue !== undefined && entries.length > 0) {
    throw invalidParameter('A metric filter with dimensions cannot have a default value.');
  }
  if (t.unit !== undefined && !UNITS.includes(t.unit)) {
    throw constraintError(t.unit, `${at}.unit`, `Member must satisfy enum value set: [${UNITS.join(', ')}]`);
  }
  return {
    metricName,
    metricNamespace,
    metricValue,
    ...(t.defaultValue !== undefined ? { defaultValue: t.defaultValue } : {}),
    ...(entries.length > 0 ? { dimensions: Object.fromEntries(entries) } : {}),
    ...(t.unit !== undefined ? { unit: t.unit } : {}),
  };
};

/** The checked request: group, name and what to store. */
export const checkPutMetricFilter = (
  request: PutMetricFilterRequest,
): { groupName: string; filterName: string; definition: MetricFilterDefinition } => {
  const groupName = checkGroupName(request.logGroupName);
  const filterName = checkFilterName(request.filterName);
  const pattern = checkFilterPattern(request.filterPattern);
  if (request.applyOnTransformedLogs === true)
    throw notSupported('applyOnTransformedLogs', 'Berth has no log transformers');
  if (request.fieldSelectionCriteria !== undefined || request.emitSystemFieldDimensions !== undefined) {
    throw notSupported(
      'fieldSelectionCriteria and emitSystemFieldDimensions',
      'Berth emits no system fields',
    );
  }
  const transformations = request.metricTransformations;
  if (!Array.isArray(transformations)) throw invalidParameter('metricTransformations is required.');
  if (transformations.length !== 1) {
    const bound = transformations.length < 1 ? 'greater than or equal to 1' : 'less than or equal to 1';
    throw constraintError(transformations, 'metricTransformations', `Member must have length ${bound}`);
  }
  return {
    groupName,
    filterName,
    definition: {
      filterPattern: request.filterPattern,
      metricTransformations: [checkTransformation(transformations[0], pattern)],
    },
  };
};
