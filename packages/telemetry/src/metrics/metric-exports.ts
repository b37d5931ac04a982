/** The metric half of @berth/telemetry: what src/index.ts re-exports. */
export * from './metric-store.js';
export { SqliteMetricStore } from './sqlite-metric-store.js';
export { openMetricStore, type MetricStoreLocation } from './open-metric-store.js';
