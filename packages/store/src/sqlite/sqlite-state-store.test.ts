import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runStateStoreConformance } from '../state-store.conformance.test-support.js';

import { SqliteStateStore } from './sqlite-state-store.js';

runStateStoreConformance('sqlite :memory:', () => new SqliteStateStore(':memory:'));

let path = '';
runStateStoreConformance(
  'sqlite file',
  () => new SqliteStateStore((path = join(mkdtempSync(join(tmpdir(), 'berth-store-')), 'state.db'))),
  (store) => {
    store.close();
    return new SqliteStateStore(path);
  },
);
