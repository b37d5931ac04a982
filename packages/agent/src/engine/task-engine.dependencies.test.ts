import type { TaskReport } from '@berth/wire/agent';
import { afterAll, describe, expect, it } from 'vitest';

import {
  aTask,
  docker,
  EngineHarness,
  removeOwned,
  TEST_IMAGE,
  uniqueInstanceArn,
} from '../test-support/engine-harness.test-support.js';

const startedAtOf = async (report: TaskReport, name: string): Promise<number> => {
  const id = report.containers.find((c) => c.containerName === name)?.runtimeId ?? '';
  const info = await docker.getContainer(id).inspect();
  return Date.parse(info.State.StartedAt);
};

describe('TaskEngine: dependsOn and health checks', () => {
  const harness = new EngineHarness(uniqueInstanceArn('deps'), {
    imagePullBehavior: 'prefer-cached',
    containerStopTimeoutSeconds: 1,
    containerStartTimeoutSeconds: 20,
    resyncIntervalSeconds: 2,
  });
  const tasks: ReturnType<typeof aTask>[] = [];
  const run = (task: ReturnType<typeof aTask>): void => {
    tasks.push(task);
    harness.engine.applyDesired(tasks);
  };

  afterAll(async () => {
    await harness.engine.shutdown({ stopTasks: false });
    await removeOwned(harness.instanceArn);
  });

  it('starts containers in dependsOn order (SUCCESS, then START)', async () => {
    const task = aTask([
      {
        name: 'app',
        image: TEST_IMAGE,
        essential: true,
        dependsOn: [{ containerName: 'proxy', condition: 'START' }],
      },
      {
        name: 'proxy',
        image: TEST_IMAGE,
        essential: false,
        command: ['sleep', '600'],
        dependsOn: [{ containerName: 'init', condition: 'SUCCESS' }],
      },
      { name: 'init', image: TEST_IMAGE, essential: false, command: ['sh', '-c', 'sleep 1; exit 0'] },
    ]);
    run(task);
    const running = await harness.waitForReport(
      task.taskArn,
      (r) => r.status === 'RUNNING' && r.containers.every((c) => c.status !== 'PENDING'),
    );
    expect(running.containers.find((c) => c.containerName === 'init')).toMatchObject({
      status: 'STOPPED',
      exitCode: 0,
    });
    const init = await docker
      .getContainer(running.containers.find((c) => c.containerName === 'init')?.runtimeId ?? '')
      .inspect();
    const proxyStarted = await startedAtOf(running, 'proxy');
    expect(proxyStarted).toBeGreaterThanOrEqual(Date.parse(init.State.FinishedAt));
    expect(await startedAtOf(running, 'app')).toBeGreaterThanOrEqual(proxyStarted);
  });

  it('fails the task when a SUCCESS dependency exits non-zero', async () => {
    const task = aTask([
      {
        name: 'app',
        image: TEST_IMAGE,
        essential: true,
        dependsOn: [{ containerName: 'migrate', condition: 'SUCCESS' }],
      },
      { name: 'migrate', image: TEST_IMAGE, essential: false, command: ['sh', '-c', 'exit 1'] },
    ]);
    run(task);
    const stopped = await harness.waitForReport(task.taskArn, (r) => r.status === 'STOPPED');
    expect(stopped.stopCode).toBe('TaskFailedToStart');
    expect(stopped.reason).toContain("'app' requires 'migrate' to SUCCESS, but it exited with code 1");
    expect(stopped.containers.find((c) => c.containerName === 'app')?.runtimeId).toBeUndefined();
  });

  it('reports HEALTHY from a task-definition health check and gates HEALTHY dependents', async () => {
    const task = aTask([
      {
        name: 'web',
        image: TEST_IMAGE,
        essential: true,
        healthCheck: {
          command: ['CMD-SHELL', 'wget -q -O /dev/null http://localhost/'],
          interval: 1,
          timeout: 2,
          retries: 3,
        },
      },
      {
        name: 'client',
        image: TEST_IMAGE,
        essential: true,
        command: ['sleep', '600'],
        dependsOn: [{ containerName: 'web', condition: 'HEALTHY' }],
      },
    ]);
    run(task);
    const healthy = await harness.waitForReport(
      task.taskArn,
      (r) => r.status === 'RUNNING' && r.containers.some((c) => c.healthStatus === 'HEALTHY'),
    );
    expect(healthy.containers.find((c) => c.containerName === 'web')?.healthStatus).toBe('HEALTHY');
    expect(healthy.containers.find((c) => c.containerName === 'client')).toMatchObject({
      status: 'RUNNING',
      healthStatus: 'UNKNOWN',
    });
  });

  it('fails the task when a HEALTHY dependency does not get healthy within its startTimeout', async () => {
    const task = aTask([
      {
        name: 'sick',
        image: TEST_IMAGE,
        essential: false,
        command: ['sleep', '600'],
        startTimeout: 2,
        healthCheck: { command: ['CMD', 'false'], interval: 5 },
      },
      {
        name: 'app',
        image: TEST_IMAGE,
        essential: true,
        dependsOn: [{ containerName: 'sick', condition: 'HEALTHY' }],
      },
    ]);
    run(task);
    const stopped = await harness.waitForReport(task.taskArn, (r) => r.status === 'STOPPED');
    expect(stopped.stopCode).toBe('TaskFailedToStart');
    expect(stopped.reason).toContain("'app' requires 'sick' to HEALTHY, but it did not get there within 2s");
  });
});
