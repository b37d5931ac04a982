/** boto3 drives Berth through a whole task lifecycle (see e2e/python/task_lifecycle.py). */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { startServer, type BerthProcess } from './support/berth-process.js';
import { python } from './support/clients.js';
import { ensureTestImages } from './support/test-images.js';

let berth: BerthProcess;
beforeAll(async () => {
  ensureTestImages();
  berth = await startServer();
});
afterAll(async () => {
  await berth?.stop();
});

it('boto3: clusters, task definitions, a serving task, waiters, errors and pagination', () => {
  const result = python(berth.env, 'task_lifecycle.py');
  expect(result.stderr + result.stdout).toContain('{"ok": true}');
  expect(result.status).toBe(0);
});
