/**
 * boto3 drives Berth: a whole task lifecycle (e2e/python/task_lifecycle.py), and the seed's
 * ECSManager flow on FARGATE with a sidecar on localhost, a task killed for its memory and
 * Fargate's errors (e2e/python/fargate_ecs_manager.py), the embedded managed agent being the
 * Fargate capacity.
 */
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

it('boto3: the seed ECSManager flow on FARGATE, a sidecar on localhost, OOM and Fargate errors', () => {
  const result = python(berth.env, 'fargate_ecs_manager.py');
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  expect(result.stdout.trim()).toBe('ok');
}, 300_000);
