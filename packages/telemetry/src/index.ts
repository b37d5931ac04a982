/**
 * @berth/telemetry — append-only log streams with retention, kept apart from the state store
 * (DESIGN.md §2). `LogStore` is the interface (asynchronous, so PostgreSQL can implement it);
 * `SqliteLogStore` is the implementation (a WAL file `telemetry.db`, or `:memory:`).
 * Invariants: a group's name is unique per account and region; deleting a group or stream
 * deletes its events; seq grows in append order; deleteExpiredEvents removes exactly the events
 * older than their group's retention.
 */
export * from './log-store.js';
export { SqliteLogStore } from './sqlite/sqlite-log-store.js';
export { openLogStore, type TelemetryLocation } from './open-log-store.js';
