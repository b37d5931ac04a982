/**
 * The seed's boto3 ECSManager flow on FARGATE, a sidecar on localhost, a task killed for its
 * memory, and Fargate's errors (see e2e/python/fargate_ecs_manager.py), against `berth server`
 * whose embedded managed agent is the Fargate capacity.
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

it('runs the seed ECSManager flow on FARGATE with boto3', () => {
  const result = python(berth.env, 'fargate_ecs_manager.py');
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  expect(result.stdout.trim()).toBe('ok');
}, 300_000);
