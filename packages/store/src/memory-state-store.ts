import { IndexedStateStore } from './indexed-state-store.js';
import { NO_JOURNAL } from './store-journal.js';

/** A StateStore with no journal: its state dies with the process. */
export class MemoryStateStore extends IndexedStateStore {
  constructor() {
    super(NO_JOURNAL);
  }
}
