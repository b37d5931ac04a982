/**
 * Once per e2e run: every temporary directory of the run — the tests' own (`tempDir`), the agents'
 * state directories, and those the `berth` processes make (TMPDIR points here) — lives under one
 * root, removed at the end; and the host registry's claims of agents the tests killed with -9 are
 * pruned. Containers are not touched: a container left behind is a leak for the tests to find.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { HostRegistry } from '@berth/agent';

export const E2E_ROOT_ENV = 'BERTH_E2E_TMP';

export const setup = (): void => {
  process.env[E2E_ROOT_ENV] = mkdtempSync(join(tmpdir(), 'berth-e2e-run-'));
};

export const teardown = (): void => {
  const root = process.env[E2E_ROOT_ENV];
  if (root) rmSync(root, { recursive: true, force: true });
  new HostRegistry().pruneStale();
};
