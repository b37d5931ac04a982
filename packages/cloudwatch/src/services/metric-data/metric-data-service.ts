/**
 * GetMetricData: reads each MetricStat query's points and folds them into its periods, runs the
 * SEARCHes the expressions name, evaluates the expressions (ids in any order, no cycles), and
 * pages the returned series' datapoints (MaxDatapoints per page, newest first unless ScanBy says
 * TimestampAscending).
 */
import type { GetMetricDataInput, GetMetricDataOutput, MetricDataResult } from '@berth/wire/cloudwatch';
import type { MetricScope, MetricSeries } from '@berth/telemetry';

import { invalidParameterValue, invalidValue } from '../cloudwatch-errors.js';
import { checkPeriod, checkTimeRange, timeOf, type StatisticName } from '../metric-rules.js';
import type { MetricsDeps } from '../metrics-service.js';
import { decodeToken, encodeToken } from '../page-token.js';
import { alignedStart, foldIntoPeriods, foldUnits, statisticOf } from '../statistic-sets.js';

import { evaluate } from './expression-evaluator.js';
import type { MathValue, TimeSeries } from './expression-values.js';
import { checkQueries, checkStatistic, searchesOf, type CheckedQuery } from './metric-data-queries.js';
import { ExpressionError } from './metric-expression.js';
import { matchesSearch, parseSearch, searchLabel } from './search-expression.js';

export const MAX_DATAPOINTS_PER_CALL = 100_800;

interface Resolved {
  readonly id: string;
  readonly label: string;
  readonly series: TimeSeries;
}

export class MetricDataService {
  constructor(private readonly deps: MetricsDeps) {}

  async getData(scope: MetricScope, input: GetMetricDataInput): Promise<GetMetricDataOutput> {
    const start = timeOf(input.StartTime, 'StartTime');
    const end = timeOf(input.EndTime, 'EndTime');
    checkTimeRange(start, end);
    if (input.ScanBy !== undefined && !['TimestampAscending', 'TimestampDescending'].includes(input.ScanBy)) {
      throw invalidValue(input.ScanBy, 'ScanBy');
    }
    const max = input.MaxDatapoints ?? MAX_DATAPOINTS_PER_CALL;
    if (!Number.isInteger(max) || max < 1 || max > MAX_DATAPOINTS_PER_CALL)
      throw invalidValue(max, 'MaxDatapoints');
    const offset = decodeToken<number>(input.NextToken, 'number') ?? 0;
    const queries = checkQueries(input.MetricDataQueries);
    const results = await this.resolveAll(scope, queries, start, end);
    return page(results, offset, max, input.ScanBy !== 'TimestampAscending');
  }

  private async statSeries(
    scope: MetricScope,
    series: MetricSeries,
    statistic: StatisticName,
    period: number,
    range: { start: number; end: number; unit?: string },
    label: string,
  ): Promise<TimeSeries> {
    const points = await this.deps.store.readPoints(scope, {
      series,
      from: range.start,
      to: range.end,
      ...(range.unit !== undefined ? { unit: range.unit } : {}),
    });
    const sets = foldUnits(foldIntoPeriods(points, range.start, period));
    return {
      label,
      period,
      points: new Map(sets.map((s) => [s.timestamp, statisticOf(s.statistics, statistic)])),
    };
  }

  private async resolveAll(
    scope: MetricScope,
    queries: readonly CheckedQuery[],
    start: number,
    end: number,
  ): Promise<Resolved[][]> {
    const values = new Map<string, MathValue>();
    for (const q of queries) {
      if (q.kind !== 'stat') continue;
      const s = await this.statSeries(
        scope,
        q.series,
        q.statistic,
        q.period,
        { start, end, ...(q.unit !== undefined ? { unit: q.unit } : {}) },
        q.label,
      );
      values.set(q.id, { kind: 'series', series: s });
    }
    const searches = new Map<string, TimeSeries[]>();
    for (const q of queries) {
      if (q.kind !== 'expression') continue;
      for (const s of searchesOf(q.expression)) {
        const key = JSON.stringify(s);
        if (!searches.has(key)) searches.set(key, await this.search(scope, s, start, end, q.id));
      }
    }
    const byId = new Map(queries.map((q) => [q.id, q]));
    const resolving = new Set<string>();
    const resolve = (id: string): MathValue => {
      const known = values.get(id);
      if (known) return known;
      const q = byId.get(id);
      if (!q || q.kind !== 'expression') throw new ExpressionError(`Unknown query id ${id}.`);
      if (resolving.has(id)) throw new ExpressionError(`The expression ${id} refers to itself.`);
      resolving.add(id);
      const value = evaluate(q.expression, {
        label: q.label,
        start: alignedStart(start, 60),
        end,
        resolve,
        search: (query, statistic, period) =>
          searches.get(JSON.stringify({ query, statistic, period })) ?? [],
        metrics: () =>
          queries.flatMap((m) => {
            const v = m.kind === 'stat' ? values.get(m.id) : undefined;
            return v?.kind === 'series' ? [v.series] : [];
          }),
      });
      values.set(id, value);
      return value;
    };
    return queries
      .filter((q) => q.returnData)
      .map((q) => {
        let value: MathValue;
        try {
          value = resolve(q.id);
        } catch (error) {
          if (error instanceof ExpressionError)
            throw invalidParameterValue(`Error in expression ${q.id}: ${error.message}`);
          throw error;
        }
        if (value.kind === 'scalar') {
          throw invalidParameterValue(
            `Error in expression ${q.id}: the expression returns a number, not a time series.`,
          );
        }
        const list = value.kind === 'series' ? [{ ...value.series, label: q.label }] : value.series;
        return list.map((series) => ({ id: q.id, label: series.label, series }));
      });
  }

  private async search(
    scope: MetricScope,
    s: { query: string; statistic: string; period: number },
    start: number,
    end: number,
    id: string,
  ): Promise<TimeSeries[]> {
    const at = `Error in expression ${id}`;
    let query;
    let statistic: StatisticName;
    let period: number;
    try {
      query = parseSearch(s.query);
      statistic = checkStatistic(s.statistic, 'SEARCH statistic');
      period = checkPeriod(s.period, 'SEARCH period');
    } catch (error) {
      throw invalidParameterValue(`${at}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const all = await this.deps.store.listSeries(
      scope,
      query.namespace !== undefined ? { namespace: query.namespace } : {},
    );
    const found: TimeSeries[] = [];
    for (const series of all.filter((m) => matchesSearch(m, query))) {
      found.push(
        await this.statSeries(scope, series, statistic, period, { start, end }, searchLabel(series)),
      );
    }
    return found;
  }
}

/** The page of datapoints [offset, offset + max) over every returned series in order. */
const page = (
  results: Resolved[][],
  offset: number,
  max: number,
  newestFirst: boolean,
): GetMetricDataOutput => {
  const flat = results.flat();
  let position = 0;
  const MetricDataResults: MetricDataResult[] = [];
  for (const r of flat) {
    const times = [...r.series.points.keys()].sort((a, b) => (newestFirst ? b - a : a - b));
    const from = Math.max(offset - position, 0);
    const to = Math.min(offset + max - position, times.length);
    position += times.length;
    if (from >= to && (offset > 0 || times.length > 0)) continue;
    const taken = times.slice(from, Math.max(from, to));
    MetricDataResults.push({
      Id: r.id,
      Label: r.label,
      Timestamps: taken.map((t) => t / 1000),
      Values: taken.map((t) => r.series.points.get(t)!),
      StatusCode: offset + max < position ? 'PartialData' : 'Complete',
    });
  }
  const more = offset + max < position;
  return {
    MetricDataResults: MetricDataResults.map((r) => ({
      ...r,
      StatusCode: more ? 'PartialData' : 'Complete',
    })),
    Messages: [],
    ...(more ? { NextToken: encodeToken(offset + max) } : {}),
  };
};
