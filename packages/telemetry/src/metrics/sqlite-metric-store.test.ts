import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll } from 'vitest';

import { metricStoreConformance } from './metric-store.conformance.test-support.js';
import { SqliteMetricStore } from './sqlite-metric-store.js';

const dir = mkdtempSync(join(tmpdir(), 'berth-metrics-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

metricStoreConformance('SQLite file', () => new SqliteMetricStore(join(dir, `telemetry-${(n += 1)}.db`)));
metricStoreConformance('SQLite :memory:', () => new SqliteMetricStore(':memory:'));
