import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll } from 'vitest';

import { runStateStoreConformance } from '../state-store.conformance.test-support.js';

import { SqliteStateStore } from './sqlite-state-store.js';

runStateStoreConformance('sqlite :memory:', () => new SqliteStateStore(':memory:'));

// Every store file of this suite lives under one directory, removed at the end.
const root = mkdtempSync(join(tmpdir(), 'berth-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let files = 0;
let path = '';
runStateStoreConformance(
  'sqlite file',
  () => new SqliteStateStore((path = join(root, `state-${(files += 1)}.db`))),
  (store) => {
    store.close();
    return new SqliteStateStore(path);
  },
);
