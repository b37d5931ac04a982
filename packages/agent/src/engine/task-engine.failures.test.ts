import { afterAll, describe, expect, it } from 'vitest';

import {
  aTask,
  EngineHarness,
  MISSING_IMAGE,
  removeOwned,
  TEST_IMAGE,
  uniqueInstanceArn,
} from '../test-support/engine-harness.test-support.js';

describe('TaskEngine: failures', () => {
  const harness = new EngineHarness(uniqueInstanceArn('failures'));

  afterAll(async () => {
    await harness.engine.shutdown({ stopTasks: false });
    await removeOwned(harness.instanceArn);
  });

  const run = (task: ReturnType<typeof aTask>): void => {
    harness.engine.applyDesired([task]);
  };

  it('stops the task when an essential container exits, keeping its exit code', async () => {
    const task = aTask([
      { name: 'sidecar', image: TEST_IMAGE, essential: false, command: ['sleep', '600'] },
      { name: 'main', image: TEST_IMAGE, essential: true, command: ['sh', '-c', 'sleep 0.5; exit 3'] },
    ]);
    run(task);
    const stopped = await harness.waitForReport(task.taskArn, (r) => r.status === 'STOPPED');
    expect(stopped.stopCode).toBe('EssentialContainerExited');
    expect(stopped.reason).toBe('Essential container in task exited');
    const main = stopped.containers.find((c) => c.containerName === 'main');
    expect(main).toMatchObject({ status: 'STOPPED', exitCode: 3 });
    expect(stopped.containers.find((c) => c.containerName === 'sidecar')?.status).toBe('STOPPED');
  });

  it('ends with CannotPullContainerError / TaskFailedToStart when the image cannot be pulled', async () => {
    const task = aTask([{ name: 'ghost', image: MISSING_IMAGE, essential: true }]);
    const started = Date.now();
    run(task);
    const stopped = await harness.waitForReport(task.taskArn, (r) => r.status === 'STOPPED');
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(stopped.stopCode).toBe('TaskFailedToStart');
    expect(stopped.reason).toMatch(/^CannotPullContainerError: /);
    expect(stopped.containers[0]?.reason).toMatch(/^CannotPullContainerError: .*127\.0\.0\.1:5999/);
    expect(stopped.containers[0]?.runtimeId).toBeUndefined();
  });

  it('reports an OOM kill as OutOfMemoryError with exit code 137', async () => {
    const task = aTask([
      {
        name: 'hog',
        image: TEST_IMAGE,
        essential: true,
        memory: 8,
        command: ['sh', '-c', 'x=$(head -c 64000000 /dev/zero | tr "\\0" a); echo ${#x}'],
      },
    ]);
    run(task);
    const stopped = await harness.waitForReport(task.taskArn, (r) => r.status === 'STOPPED');
    expect(stopped.containers[0]).toMatchObject({
      reason: 'OutOfMemoryError: Container killed due to memory usage',
      exitCode: 137,
    });
    expect(stopped.stopCode).toBe('EssentialContainerExited');
  });

  it('stops with SIGKILL after the container stopTimeout when SIGTERM is ignored', async () => {
    const task = aTask([
      { name: 'stubborn', image: TEST_IMAGE, essential: true, stopTimeout: 2, command: ['sleep', '600'] },
    ]);
    run(task);
    await harness.waitForReport(task.taskArn, (r) => r.status === 'RUNNING');
    const stopAt = Date.now();
    harness.engine.applyDesired([{ ...task, desiredStatus: 'STOPPED' }]);
    const stopped = await harness.waitForReport(task.taskArn, (r) => r.status === 'STOPPED');
    expect(Date.now() - stopAt).toBeGreaterThanOrEqual(1_900);
    expect(stopped.containers[0]).toMatchObject({ status: 'STOPPED', exitCode: 137 });
    expect(stopped.stopCode).toBeUndefined();
  });

  it("uses the task's stopGraceSeconds over the container stopTimeout when the task is stopped", async () => {
    const task = aTask([
      { name: 'stubborn', image: TEST_IMAGE, essential: true, stopTimeout: 30, command: ['sleep', '600'] },
    ]);
    run(task);
    await harness.waitForReport(task.taskArn, (r) => r.status === 'RUNNING');
    const stopAt = Date.now();
    harness.engine.applyDesired([{ ...task, desiredStatus: 'STOPPED', stopGraceSeconds: 2 }]);
    const stopped = await harness.waitForReport(task.taskArn, (r) => r.status === 'STOPPED');
    expect(Date.now() - stopAt).toBeGreaterThanOrEqual(1_900);
    expect(Date.now() - stopAt).toBeLessThan(10_000);
    expect(stopped.containers[0]).toMatchObject({ status: 'STOPPED', exitCode: 137 });
  });
});
