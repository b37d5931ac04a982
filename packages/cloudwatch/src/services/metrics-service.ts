/**
 * The metric use cases behind PutMetricData, GetMetricStatistics and ListMetrics, over the
 * MetricStore. GetMetricData's lives in metric-data/.
 */
import type {
  Datapoint,
  GetMetricStatisticsInput,
  GetMetricStatisticsOutput,
  ListMetricsInput,
  ListMetricsOutput,
  MetricDatum,
} from '@berth/wire/cloudwatch';
import { dimensionsKey, type MetricScope, type MetricSeries, type MetricStore } from '@berth/telemetry';

import { invalidNextToken, invalidParameterCombination, invalidValue, tooMany } from './cloudwatch-errors.js';
import { metricPointsOf } from './metric-points-of.js';
import {
  checkNamespace,
  checkPeriod,
  checkTimeRange,
  checkUnit,
  dimensionsOf,
  STATISTICS,
  timeOf,
  type StatisticName,
} from './metric-rules.js';
import { decodeToken, encodeToken } from './page-token.js';
import { foldIntoPeriods, periodCount, statisticOf } from './statistic-sets.js';

export interface MetricsDeps {
  readonly store: MetricStore;
  readonly now: () => number;
}

export const MAX_DATAPOINTS = 1440;
export const LIST_METRICS_PAGE = 500;
const THREE_HOURS_MS = 3 * 3_600_000;
const TWO_WEEKS_MS = 14 * 24 * 3_600_000;

const grouped = (n: number): string => n.toLocaleString('en-US');

/** A series' place in ListMetrics' order (namespace, metric name, dimensions): what a token holds. */
const seriesKey = (s: MetricSeries): string =>
  JSON.stringify([s.namespace, s.metricName, dimensionsKey(s.dimensions)]);

const isSeriesKey = (key: string): boolean => {
  try {
    const parsed: unknown = JSON.parse(key);
    return Array.isArray(parsed) && parsed.length === 3 && parsed.every((p) => typeof p === 'string');
  } catch {
    return false;
  }
};

const isAfter = (s: MetricSeries, key: string): boolean => {
  const [namespace, metricName, dims] = JSON.parse(key) as [string, string, string];
  const mine = [s.namespace, s.metricName, dimensionsKey(s.dimensions)];
  const theirs = [namespace, metricName, dims];
  for (let i = 0; i < 3; i += 1) if (mine[i] !== theirs[i]) return mine[i]! > theirs[i]!;
  return false;
};

export class MetricsService {
  constructor(private readonly deps: MetricsDeps) {}

  /** PutMetricData. `builtIn` callers (Berth's own ECS/ELBv2 metrics) may use `AWS/` namespaces. */
  async put(
    scope: MetricScope,
    namespace: string | undefined,
    data: readonly MetricDatum[] | undefined,
    builtIn = false,
  ): Promise<void> {
    const checked = checkNamespace(namespace, 'Namespace');
    if (!builtIn && checked.startsWith('AWS/')) throw invalidValue(checked, 'Namespace');
    const now = this.deps.now();
    await this.deps.store.putPoints(scope, metricPointsOf(checked, data, now), now);
  }

  async getStatistics(
    scope: MetricScope,
    input: GetMetricStatisticsInput,
  ): Promise<GetMetricStatisticsOutput> {
    const namespace = checkNamespace(input.Namespace, 'Namespace');
    if (!input.MetricName) throw invalidValue(input.MetricName, 'MetricName');
    const start = timeOf(input.StartTime, 'StartTime');
    const end = timeOf(input.EndTime, 'EndTime');
    const period = checkPeriod(input.Period, 'Period');
    checkUnit(input.Unit, 'Unit');
    const statistics = this.statisticsOf(input);
    checkTimeRange(start, end);
    const requested = periodCount(start, end, period);
    if (requested > MAX_DATAPOINTS) {
      throw invalidParameterCombination(
        `You have requested up to ${grouped(requested)} datapoints, which exceeds the limit of ` +
          `${grouped(MAX_DATAPOINTS)}. You may reduce the datapoints requested by increasing Period, ` +
          'or decreasing the time range.',
      );
    }
    const series = {
      namespace,
      metricName: input.MetricName,
      dimensions: dimensionsOf(input.Dimensions, 'Dimensions'),
    };
    const points = await this.deps.store.readPoints(scope, {
      series,
      from: start,
      to: end,
      ...(input.Unit !== undefined ? { unit: input.Unit } : {}),
    });
    const datapoints = foldIntoPeriods(points, start, period).map((set): Datapoint => {
      const datapoint: Record<string, unknown> = { Timestamp: set.timestamp / 1000, Unit: set.unit };
      for (const statistic of statistics) datapoint[statistic] = statisticOf(set.statistics, statistic);
      return datapoint;
    });
    return { Label: input.MetricName, Datapoints: datapoints };
  }

  private statisticsOf(input: GetMetricStatisticsInput): StatisticName[] {
    const statistics = input.Statistics ?? [];
    const extended = input.ExtendedStatistics ?? [];
    if (statistics.length === 0 && extended.length === 0) {
      throw invalidParameterCombination('Must specify either Statistics or ExtendedStatistics.');
    }
    if (statistics.length > 5) throw tooMany('Statistics', 5);
    statistics.forEach((s, i) => {
      if (!(STATISTICS as readonly string[]).includes(s)) throw invalidValue(s, `Statistics.member.${i + 1}`);
    });
    if (extended.length > 0) {
      throw invalidParameterCombination(
        'Berth keeps metric data as statistic sets, not raw values, so it cannot answer ' +
          'ExtendedStatistics (percentiles); ask for Statistics instead.',
      );
    }
    return statistics;
  }

  async list(scope: MetricScope, input: ListMetricsInput): Promise<ListMetricsOutput> {
    const filters = input.Dimensions ?? [];
    if (filters.length > 10) throw tooMany('Dimensions', 10);
    if (input.RecentlyActive !== undefined && input.RecentlyActive !== 'PT3H') {
      throw invalidValue(input.RecentlyActive, 'RecentlyActive');
    }
    const after = decodeToken<string>(input.NextToken, 'string');
    if (after !== undefined && !isSeriesKey(after)) throw invalidNextToken();
    const now = this.deps.now();
    const all = await this.deps.store.listSeries(scope, {
      ...(input.Namespace !== undefined ? { namespace: input.Namespace } : {}),
      ...(input.MetricName !== undefined ? { metricName: input.MetricName } : {}),
      dimensions: filters.map((f, i) => {
        if (!f.Name) throw invalidValue(f.Name, `Dimensions.member.${i + 1}.Name`);
        return { name: f.Name, ...(f.Value !== undefined ? { value: f.Value } : {}) };
      }),
      activeSince: now - (input.RecentlyActive ? THREE_HOURS_MS : TWO_WEEKS_MS),
    });
    const rest = after === undefined ? all : all.filter((s) => isAfter(s, after));
    const page = rest.slice(0, LIST_METRICS_PAGE);
    const last = page[page.length - 1];
    return {
      Metrics: page.map((s) => ({
        Namespace: s.namespace,
        MetricName: s.metricName,
        Dimensions: s.dimensions.map((d) => ({ Name: d.name, Value: d.value })),
      })),
      ...(rest.length > page.length && last ? { NextToken: encodeToken(seriesKey(last)) } : {}),
    };
  }
}
