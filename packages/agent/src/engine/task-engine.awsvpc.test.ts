import { afterAll, describe, expect, it } from 'vitest';

import {
  aTask,
  containersOf,
  docker,
  EngineHarness,
  httpGet,
  removeOwned,
  TEST_IMAGE,
  testAddressBlock,
  uniqueInstanceArn,
  waitUntil,
} from '../test-support/engine-harness.test-support.js';
import { inBlock } from '../host/address-block.js';
import { LABELS } from '../runtime/ownership-labels.js';

describe('TaskEngine: awsvpc', () => {
  const harness = new EngineHarness(uniqueInstanceArn('awsvpc'));

  afterAll(async () => {
    await harness.engine.shutdown({ stopTasks: false });
    await removeOwned(harness.instanceArn);
  });

  it('gives the task an address of its block, shares one namespace held by a pause container and publishes there', async () => {
    const task = aTask(
      [
        { name: 'web', image: TEST_IMAGE, essential: true, portMappings: [{ containerPort: 80 }] },
        {
          name: 'sidecar',
          image: TEST_IMAGE,
          essential: true,
          command: [
            'sh',
            '-c',
            'while true; do wget -qO- http://localhost:80/ > /tmp/seen 2>&1; sleep 0.3; done',
          ],
        },
      ],
      { networkMode: 'awsvpc' },
    );
    harness.engine.applyDesired([task]);
    const running = await harness.waitForReport(task.taskArn, (r) => r.status === 'RUNNING');
    const address = running.privateIPv4Address ?? '';
    expect(inBlock(testAddressBlock(harness.instanceArn), address)).toBe(true);
    expect(running.containers.map((c) => c.containerName)).toEqual(['web', 'sidecar']);
    for (const c of running.containers) expect(c.networkBindings).toEqual([]);

    const body = await waitUntil(
      () => httpGet(address, 80),
      10_000,
      () => `HTTP on ${address}:80`,
    );
    expect(body).toContain('hello from berth');

    const sidecarId = running.containers[1]?.runtimeId ?? '';
    const seen = await waitUntil(async () => {
      const exec = await docker
        .getContainer(sidecarId)
        .exec({ Cmd: ['cat', '/tmp/seen'], AttachStdout: true });
      const stream = await exec.start({});
      const output = await new Promise<string>((resolve) => {
        let text = '';
        stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
        stream.on('end', () => resolve(text));
      });
      return output.includes('hello from berth') ? output : undefined;
    }, 10_000);
    expect(seen).toContain('hello from berth');

    const owned = await containersOf(harness.instanceArn);
    const pause = owned.find((c) => c.Labels['com.amazonaws.ecs.container-name'] === '~internal~ecs~pause');
    expect(pause?.Image).toBe('berth/pause:1.0.0');
    expect(pause?.Labels[LABELS.taskAddress]).toBe(address);
    const web = await docker.getContainer(running.containers[0]?.runtimeId ?? '').inspect();
    expect(web.HostConfig.NetworkMode).toBe(`container:${pause?.Id}`);

    harness.engine.applyDesired([{ ...task, desiredStatus: 'STOPPED' }]);
    const stopped = await harness.waitForReport(task.taskArn, (r) => r.status === 'STOPPED');
    expect(stopped.containers.every((c) => c.status === 'STOPPED')).toBe(true);
    const pauseState = await docker.getContainer(pause?.Id ?? '').inspect();
    expect(pauseState.State.Running).toBe(false);
    // The whole stop path, with its timestamps in order.
    const statuses = harness.reports.filter((r) => r.task === task.taskArn).map((r) => r.status);
    expect([...new Set(statuses)]).toEqual(['PENDING', 'RUNNING', 'STOPPING', 'DEPROVISIONING', 'STOPPED']);
    expect(stopped.stoppingAt).toBeLessThanOrEqual(stopped.executionStoppedAt ?? 0);
    expect(stopped.executionStoppedAt).toBeLessThanOrEqual(stopped.stoppedAt ?? 0);
  });

  it('removes a container whose start failed (left in Created) as soon as the task stops', async () => {
    const task = aTask(
      [
        { name: 'web', image: TEST_IMAGE, essential: true, portMappings: [{ containerPort: 80 }] },
        { name: 'broken', image: TEST_IMAGE, essential: true, entryPoint: ['/nonexistent'] },
      ],
      { networkMode: 'awsvpc' },
    );
    harness.engine.applyDesired([task]);
    const stopped = await harness.waitForReport(task.taskArn, (r) => r.status === 'STOPPED');
    expect(stopped.containers.find((c) => c.containerName === 'broken')?.reason).toMatch(
      /^CannotStartContainerError/,
    );
    const left = (await containersOf(harness.instanceArn)).filter(
      (c) => c.Labels[LABELS.taskArn] === task.taskArn,
    );
    // Nothing of the task runs, and nothing is left in Created: only exited containers wait for the cleanup.
    expect(left.filter((c) => c.State !== 'exited')).toEqual([]);
    expect(left.some((c) => c.Labels[LABELS.containerName] === 'broken')).toBe(false);
  });
});
