import { MemoryStateStore } from './memory-state-store.js';
import { SqliteStateStore } from './sqlite/sqlite-state-store.js';
import type { StateStore } from './state-store.js';

export type StoreLocation = { readonly kind: 'sqlite'; readonly path: string } | { readonly kind: 'memory' };

/** Opens the store a server was configured with. */
export const openStateStore = (location: StoreLocation): StateStore =>
  location.kind === 'memory' ? new MemoryStateStore() : new SqliteStateStore(location.path);
