import { afterAll, describe, expect, it } from 'vitest';

import {
  aTask,
  containersOf,
  docker,
  EngineHarness,
  httpGet,
  removeOwned,
  TEST_IMAGE,
  uniqueInstanceArn,
  waitUntil,
} from '../test-support/engine-harness.test-support.js';

describe('TaskEngine: bridge networking', () => {
  const harness = new EngineHarness(uniqueInstanceArn('bridge'));

  afterAll(async () => {
    await harness.engine.shutdown({ stopTasks: false });
    await removeOwned(harness.instanceArn);
  });

  it('runs an httpd task to RUNNING with a dynamic host port that answers', async () => {
    const task = aTask([
      {
        name: 'web',
        image: TEST_IMAGE,
        essential: true,
        portMappings: [{ containerPort: 80, protocol: 'tcp' }],
      },
    ]);
    await harness.engine.recover();
    harness.engine.applyDesired([task]);
    const running = await harness.waitForReport(task.taskArn, (r) => r.status === 'RUNNING');
    const web = running.containers[0];
    expect(web?.status).toBe('RUNNING');
    expect(web?.runtimeId).toMatch(/^[0-9a-f]{64}$/);
    expect(web?.healthStatus).toBe('UNKNOWN');
    const binding = web?.networkBindings?.[0];
    expect(binding).toMatchObject({ bindIP: '127.0.0.1', containerPort: 80, protocol: 'tcp' });
    expect(binding?.hostPort).toBeGreaterThan(0);
    expect(running.startedAt).toBeGreaterThan(1_600_000_000);
    expect(running.pullStartedAt).toBeLessThanOrEqual(running.pullStoppedAt ?? 0);
    const body = await waitUntil(() => httpGet('127.0.0.1', binding?.hostPort ?? 0), 10_000);
    expect(body).toContain('hello from berth');

    harness.engine.applyDesired([{ ...task, desiredStatus: 'STOPPED' }]);
    const stopped = await harness.waitForReport(task.taskArn, (r) => r.status === 'STOPPED');
    expect(stopped.containers[0]).toMatchObject({ status: 'STOPPED', exitCode: 0 });
    expect(stopped.stopCode).toBeUndefined();
    expect(stopped.executionStoppedAt).toBeGreaterThanOrEqual(running.startedAt ?? 0);
  });

  it('shares a task-scoped volume between containers and removes it with the task', async () => {
    const task = aTask(
      [
        {
          name: 'writer',
          image: TEST_IMAGE,
          essential: false,
          command: ['sh', '-c', 'echo shared > /data/x'],
          mountPoints: [{ sourceVolume: 'scratch', containerPath: '/data' }],
        },
        {
          name: 'reader',
          image: TEST_IMAGE,
          essential: true,
          command: ['sh', '-c', 'grep -q shared /data/x && exec sleep 600'],
          mountPoints: [{ sourceVolume: 'scratch', containerPath: '/data', readOnly: true }],
          dependsOn: [{ containerName: 'writer', condition: 'SUCCESS' }],
        },
      ],
      { volumes: [{ name: 'scratch' }] },
    );
    harness.engine.applyDesired([task]);
    const running = await harness.waitForReport(
      task.taskArn,
      (r) => r.containers.find((c) => c.containerName === 'reader')?.status === 'RUNNING',
    );
    const reader = await docker.getContainer(running.containers[1]?.runtimeId ?? '').inspect();
    const volume = reader.Mounts.find((m) => m.Destination === '/data');
    expect(volume).toMatchObject({ Type: 'volume', RW: false });

    harness.engine.applyDesired([]);
    await waitUntil(
      async () => ((await containersOf(harness.instanceArn)).length === 0 ? true : undefined),
      15_000,
    );
    await waitUntil(
      () =>
        docker
          .getVolume(volume?.Name ?? '')
          .inspect()
          .then(
            () => undefined,
            () => true,
          ),
      10_000,
    );
    expect(harness.engine.observed()).toEqual([]);
  });
});
