/**
 * @berth/telemetry — metric series and append-only log streams with retention, kept apart from
 * the state store (DESIGN.md §2), in one SQLite WAL file `telemetry.db` (or `:memory:`).
 * `MetricStore` and `LogStore` are the interfaces (asynchronous, so PostgreSQL can implement
 * them); `SqliteMetricStore` and `SqliteLogStore` the implementations, each on its own tables.
 * Invariants, metrics: points in one bucket (series, unit, resolution, period start) merge into
 * one statistic set; the sweep keeps each resolution exactly as long as CloudWatch does and rolls
 * it into the next one, so no sample is lost before the last retention ends.
 * Invariants, logs: a group's name is unique per account and region; deleting a group or stream
 * deletes its events; seq grows in append order; deleteExpiredEvents removes exactly the events
 * older than their group's retention.
 */
export * from './metrics/metric-exports.js';
export * from './logs/log-exports.js';
