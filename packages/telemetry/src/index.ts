/**
 * @berth/telemetry — metric series with retention, kept apart from the state store (DESIGN.md
 * §2). `MetricStore` is the interface (asynchronous, so PostgreSQL can implement it);
 * `SqliteMetricStore` the implementation (a WAL file `telemetry.db`, or `:memory:`).
 * Invariants: points in one bucket (series, unit, resolution, period start) merge into one
 * statistic set; the sweep keeps each resolution exactly as long as CloudWatch does and rolls it
 * into the next one, so no sample is lost before the last retention ends.
 */
export * from './metrics/metric-exports.js';
