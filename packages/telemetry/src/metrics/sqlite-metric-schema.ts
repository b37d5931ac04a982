/**
 * The metric tables in the telemetry database: one row per series, and one statistic set per
 * (series, resolution, unit, period start), upserted by merging.
 */
export const METRIC_STORE_SCHEMA = `
CREATE TABLE IF NOT EXISTS metric_series (
  id INTEGER PRIMARY KEY,
  account_id TEXT NOT NULL,
  region TEXT NOT NULL,
  namespace TEXT NOT NULL,
  metric_name TEXT NOT NULL,
  dimensions_key TEXT NOT NULL,
  last_put_time INTEGER NOT NULL,
  UNIQUE (account_id, region, namespace, metric_name, dimensions_key)
);
CREATE TABLE IF NOT EXISTS metric_points (
  series_id INTEGER NOT NULL REFERENCES metric_series (id),
  resolution INTEGER NOT NULL,
  unit TEXT NOT NULL,
  period_start INTEGER NOT NULL,
  sample_count REAL NOT NULL,
  sum REAL NOT NULL,
  minimum REAL NOT NULL,
  maximum REAL NOT NULL,
  PRIMARY KEY (series_id, resolution, unit, period_start)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS metric_points_by_age ON metric_points (resolution, period_start);
`;

/** Merges an inserted statistic set into the one already in its bucket. */
export const MERGE_POINT = `
ON CONFLICT (series_id, resolution, unit, period_start) DO UPDATE SET
  sample_count = sample_count + excluded.sample_count,
  sum = sum + excluded.sum,
  minimum = MIN(minimum, excluded.minimum),
  maximum = MAX(maximum, excluded.maximum)`;

export interface SeriesRow {
  readonly id: number;
  readonly namespace: string;
  readonly metric_name: string;
  readonly dimensions_key: string;
}

export interface PointRow {
  readonly resolution: number;
  readonly unit: string;
  readonly period_start: number;
  readonly sample_count: number;
  readonly sum: number;
  readonly minimum: number;
  readonly maximum: number;
}
