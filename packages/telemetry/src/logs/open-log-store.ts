import type { LogStore } from './log-store.js';
import { SqliteLogStore } from './sqlite-log-store.js';

/** Where the telemetry store lives: an SQLite file (`telemetry.db` in the data directory) or memory. */
export type TelemetryLocation =
  { readonly kind: 'sqlite'; readonly path: string } | { readonly kind: 'memory' };

/** Opens the log store a server was configured with (in memory: SQLite's `:memory:`). */
export const openLogStore = (location: TelemetryLocation): LogStore =>
  new SqliteLogStore(location.kind === 'memory' ? ':memory:' : location.path);
