/** GetMetricData's query checks: ids, MetricStat or Expression (one of), statistics, periods. */
import type { MetricDataQuery } from '@berth/wire/cloudwatch';
import type { MetricSeries } from '@berth/telemetry';

import {
  invalidParameterCombination,
  invalidParameterValue,
  invalidValue,
  missingParameter,
  mutuallyExclusive,
  tooMany,
} from '../cloudwatch-errors.js';
import {
  checkNamespace,
  checkPeriod,
  checkUnit,
  dimensionsOf,
  STATISTICS,
  type StatisticName,
} from '../metric-rules.js';

import { ExpressionError, parseExpression, type Expression } from './metric-expression.js';

export const MAX_QUERIES = 500;

export type CheckedQuery =
  | {
      readonly kind: 'stat';
      readonly id: string;
      readonly label: string;
      readonly returnData: boolean;
      readonly series: MetricSeries;
      readonly statistic: StatisticName;
      readonly period: number;
      readonly unit?: string;
    }
  | {
      readonly kind: 'expression';
      readonly id: string;
      readonly label: string;
      readonly returnData: boolean;
      readonly expression: Expression;
    };

export const checkStatistic = (stat: string | undefined, member: string): StatisticName => {
  if (stat === undefined) throw missingParameter(member);
  if (/^(p|tm|tc|ts|wm|pr|iqm)/i.test(stat)) {
    throw invalidParameterCombination(
      `Berth keeps metric data as statistic sets, so it cannot answer the statistic ${stat} (${member}).`,
    );
  }
  if (!(STATISTICS as readonly string[]).includes(stat)) throw invalidValue(stat, member);
  return stat as StatisticName;
};

export const checkQueries = (queries: readonly MetricDataQuery[] | undefined): CheckedQuery[] => {
  if (queries === undefined || queries.length === 0) throw missingParameter('MetricDataQueries');
  if (queries.length > MAX_QUERIES) throw tooMany('MetricDataQueries', MAX_QUERIES);
  const ids = new Set<string>();
  return queries.map((q, i): CheckedQuery => {
    const at = `MetricDataQueries.member.${i + 1}`;
    if (!q.Id) throw missingParameter(`${at}.Id`);
    if (!/^[a-z][a-zA-Z0-9_]*$/.test(q.Id) || q.Id.length > 255) throw invalidValue(q.Id, `${at}.Id`);
    if (ids.has(q.Id)) throw invalidParameterValue(`The value ${q.Id} for parameter ${at}.Id is not unique.`);
    ids.add(q.Id);
    const returnData = q.ReturnData ?? true;
    if (q.MetricStat && q.Expression !== undefined)
      throw mutuallyExclusive(`${at}.MetricStat`, `${at}.Expression`);
    if (q.MetricStat) {
      const m = q.MetricStat.Metric;
      const statAt = `${at}.MetricStat`;
      if (!m?.MetricName) throw missingParameter(`${statAt}.Metric.MetricName`);
      checkUnit(q.MetricStat.Unit, `${statAt}.Unit`);
      return {
        kind: 'stat',
        id: q.Id,
        label: q.Label ?? m.MetricName,
        returnData,
        series: {
          namespace: checkNamespace(m.Namespace, `${statAt}.Metric.Namespace`),
          metricName: m.MetricName,
          dimensions: dimensionsOf(m.Dimensions, `${statAt}.Metric.Dimensions`),
        },
        statistic: checkStatistic(q.MetricStat.Stat, `${statAt}.Stat`),
        period: checkPeriod(q.MetricStat.Period, `${statAt}.Period`),
        ...(q.MetricStat.Unit !== undefined ? { unit: q.MetricStat.Unit } : {}),
      };
    }
    if (q.Expression === undefined) {
      throw invalidParameterCombination(
        `One of the parameters ${at}.MetricStat or ${at}.Expression must be specified.`,
      );
    }
    try {
      return {
        kind: 'expression',
        id: q.Id,
        label: q.Label ?? q.Id,
        returnData,
        expression: parseExpression(q.Expression),
      };
    } catch (error) {
      if (error instanceof ExpressionError)
        throw invalidParameterValue(`Error in expression ${q.Id}: ${error.message}`);
      throw error;
    }
  });
};

/** Every SEARCH(query, stat, period) call in an expression, to be run before it is evaluated. */
export const searchesOf = (e: Expression): { query: string; statistic: string; period: number }[] => {
  if (e.kind === 'call') {
    const [q, s, p] = e.args;
    const own =
      e.name === 'SEARCH' && q?.kind === 'string' && s?.kind === 'string' && p?.kind === 'number'
        ? [{ query: q.value, statistic: s.value, period: p.value }]
        : [];
    return [...own, ...e.args.flatMap(searchesOf)];
  }
  if (e.kind === 'binary') return [...searchesOf(e.left), ...searchesOf(e.right)];
  if (e.kind === 'negate') return searchesOf(e.operand);
  if (e.kind === 'list') return e.items.flatMap(searchesOf);
  return [];
};
