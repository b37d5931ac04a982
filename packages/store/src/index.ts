/**
 * @berth/store — the StateStore interface, its conformance suite, and its implementations.
 * Invariants: a transaction's writes commit together or not at all; records are immutable values;
 * `revision` increases by one per committed write transaction; listeners see commits in order.
 */
export type { StateStore, StoreReader, StoreTransaction, StoreChange, StoredRecord } from './state-store.js';
export { SqliteStateStore } from './sqlite/sqlite-state-store.js';
export { MemoryStateStore } from './memory-state-store.js';
export { openStateStore, type StoreLocation } from './open-state-store.js';
