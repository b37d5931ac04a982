import type { MetricStore } from './metric-store.js';
import { SqliteMetricStore } from './sqlite-metric-store.js';

/** Where the metric store lives: an SQLite file (`telemetry.db` in the data directory) or memory. */
export type MetricStoreLocation =
  { readonly kind: 'sqlite'; readonly path: string } | { readonly kind: 'memory' };

/** Opens the metric store a server was configured with (in memory: SQLite's `:memory:`). */
export const openMetricStore = (location: MetricStoreLocation): MetricStore =>
  new SqliteMetricStore(location.kind === 'memory' ? ':memory:' : location.path);
