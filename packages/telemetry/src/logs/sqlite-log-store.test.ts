import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll } from 'vitest';

import { runLogStoreConformance } from './log-store.conformance.test-support.js';

import { SqliteLogStore } from './sqlite-log-store.js';

runLogStoreConformance('sqlite :memory:', () => new SqliteLogStore(':memory:'));

// Every store file of this suite lives under one directory, removed at the end.
const root = mkdtempSync(join(tmpdir(), 'berth-telemetry-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let files = 0;
let path = '';
runLogStoreConformance(
  'sqlite file',
  () => new SqliteLogStore((path = join(root, `telemetry-${(files += 1)}.db`))),
  async (store) => {
    await store.close();
    return new SqliteLogStore(path);
  },
);
