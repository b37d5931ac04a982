/** The log half of @berth/telemetry: what src/index.ts re-exports. */
export * from './log-store.js';
export { SqliteLogStore } from './sqlite-log-store.js';
export { openLogStore, type TelemetryLocation } from './open-log-store.js';
