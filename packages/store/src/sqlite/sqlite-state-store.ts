import { IndexedStateStore } from '../indexed-state-store.js';

import { SqliteJournal } from './sqlite-journal.js';

/** A StateStore journaled to an SQLite file: it survives restarts. */
export class SqliteStateStore extends IndexedStateStore {
  constructor(path: string) {
    super(new SqliteJournal(path));
  }
}
