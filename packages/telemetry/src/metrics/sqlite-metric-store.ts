/**
 * The MetricStore on SQLite (better-sqlite3, WAL): the telemetry file beside the state store, or
 * `:memory:`. Each method is one transaction; points merge by upsert, and the sweep rolls points
 * up in SQL (group by the coarser bucket, merge, delete the finer rows).
 */
import Database from 'better-sqlite3';

import {
  dimensionsKey,
  hasDimensions,
  METRIC_RETENTION,
  sortedDimensions,
  type MetricPoint,
  type MetricScope,
  type MetricSeries,
  type MetricStore,
  type PointQuery,
  type SeriesQuery,
  type StoredResolution,
  type SweepOutcome,
} from './metric-store.js';
import { MERGE_POINT, METRIC_STORE_SCHEMA, type PointRow, type SeriesRow } from './sqlite-metric-schema.js';

const seriesOfRow = (row: SeriesRow): MetricSeries => ({
  namespace: row.namespace,
  metricName: row.metric_name,
  dimensions: (JSON.parse(row.dimensions_key) as [string, string][]).map(([name, value]) => ({
    name,
    value,
  })),
});

export class SqliteMetricStore implements MetricStore {
  private readonly db: Database.Database;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(METRIC_STORE_SCHEMA);
  }

  putPoints(scope: MetricScope, points: readonly MetricPoint[], putAt: number): Promise<void> {
    const upsertSeries = this.db.prepare(
      'INSERT INTO metric_series (account_id, region, namespace, metric_name, dimensions_key, last_put_time) ' +
        'VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, region, namespace, metric_name, dimensions_key) ' +
        'DO UPDATE SET last_put_time = MAX(last_put_time, excluded.last_put_time) RETURNING id',
    );
    const upsertPoint = this.db.prepare(
      'INSERT INTO metric_points (series_id, resolution, unit, period_start, sample_count, sum, minimum, maximum) ' +
        `VALUES (?, ?, ?, ?, ?, ?, ?, ?) ${MERGE_POINT}`,
    );
    this.db.transaction(() => {
      for (const point of points) {
        const { id } = upsertSeries.get(
          scope.accountId,
          scope.region,
          point.series.namespace,
          point.series.metricName,
          dimensionsKey(point.series.dimensions),
          putAt,
        ) as { id: number };
        const s = point.statistics;
        upsertPoint.run(
          id,
          point.resolution,
          point.unit,
          point.periodStart,
          s.sampleCount,
          s.sum,
          s.minimum,
          s.maximum,
        );
      }
    })();
    return Promise.resolve();
  }

  readPoints(scope: MetricScope, query: PointQuery): Promise<MetricPoint[]> {
    const rows = this.db
      .prepare(
        'SELECT p.* FROM metric_points p JOIN metric_series s ON s.id = p.series_id ' +
          'WHERE s.account_id = ? AND s.region = ? AND s.namespace = ? AND s.metric_name = ? ' +
          'AND s.dimensions_key = ? AND p.period_start >= ? AND p.period_start < ? ' +
          'AND (? IS NULL OR p.unit = ?) ORDER BY p.period_start, p.resolution, p.unit',
      )
      .all(
        scope.accountId,
        scope.region,
        query.series.namespace,
        query.series.metricName,
        dimensionsKey(query.series.dimensions),
        query.from,
        query.to,
        query.unit ?? null,
        query.unit ?? null,
      ) as PointRow[];
    const series = { ...query.series, dimensions: sortedDimensions(query.series.dimensions) };
    return Promise.resolve(
      rows.map((row) => ({
        series,
        unit: row.unit,
        resolution: row.resolution as StoredResolution,
        periodStart: row.period_start,
        statistics: {
          sampleCount: row.sample_count,
          sum: row.sum,
          minimum: row.minimum,
          maximum: row.maximum,
        },
      })),
    );
  }

  listSeries(scope: MetricScope, query: SeriesQuery): Promise<MetricSeries[]> {
    const rows = this.db
      .prepare(
        'SELECT id, namespace, metric_name, dimensions_key FROM metric_series ' +
          'WHERE account_id = ? AND region = ? AND (? IS NULL OR namespace = ?) ' +
          'AND (? IS NULL OR metric_name = ?) AND last_put_time >= ? ' +
          'ORDER BY namespace, metric_name, dimensions_key',
      )
      .all(
        scope.accountId,
        scope.region,
        query.namespace ?? null,
        query.namespace ?? null,
        query.metricName ?? null,
        query.metricName ?? null,
        query.activeSince ?? Number.MIN_SAFE_INTEGER,
      ) as SeriesRow[];
    return Promise.resolve(rows.map(seriesOfRow).filter((series) => hasDimensions(series, query.dimensions)));
  }

  sweep(now: number): Promise<SweepOutcome> {
    let rolledUp = 0;
    let expired = 0;
    this.db.transaction(() => {
      for (const step of METRIC_RETENTION) {
        const before = now - step.keepFor;
        if (step.rollInto !== undefined) {
          const bucketMs = step.rollInto * 1000;
          this.db
            .prepare(
              'INSERT INTO metric_points (series_id, resolution, unit, period_start, sample_count, sum, minimum, maximum) ' +
                'SELECT series_id, ?, unit, (period_start / CAST(? AS INTEGER)) * CAST(? AS INTEGER), ' +
                'SUM(sample_count), SUM(sum), MIN(minimum), MAX(maximum) ' +
                'FROM metric_points WHERE resolution = ? AND period_start < ? ' +
                `GROUP BY series_id, unit, period_start / CAST(? AS INTEGER) ${MERGE_POINT}`,
            )
            .run(step.rollInto, bucketMs, bucketMs, step.resolution, before, bucketMs);
        }
        const deleted = this.db
          .prepare('DELETE FROM metric_points WHERE resolution = ? AND period_start < ?')
          .run(step.resolution, before).changes;
        if (step.rollInto !== undefined) rolledUp += deleted;
        else expired += deleted;
      }
    })();
    return Promise.resolve({ rolledUp, expired });
  }

  close(): void {
    this.db.close();
  }
}
