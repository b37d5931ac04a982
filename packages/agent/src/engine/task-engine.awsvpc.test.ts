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

/** A loopback address of the task's own, unlikely to collide between runs. */
const taskAddress = (): string =>
  `127.2.${1 + Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

describe('TaskEngine: awsvpc', () => {
  const harness = new EngineHarness(uniqueInstanceArn('awsvpc'));

  afterAll(async () => {
    await harness.engine.shutdown({ stopTasks: false });
    await removeOwned(harness.instanceArn);
  });

  it('shares one namespace held by a pause container and publishes on the task address', async () => {
    const address = taskAddress();
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
      { networkMode: 'awsvpc', address },
    );
    harness.engine.applyDesired([task]);
    const running = await harness.waitForReport(task.taskArn, (r) => r.status === 'RUNNING');
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
    const web = await docker.getContainer(running.containers[0]?.runtimeId ?? '').inspect();
    expect(web.HostConfig.NetworkMode).toBe(`container:${pause?.Id}`);

    harness.engine.applyDesired([{ ...task, desiredStatus: 'STOPPED' }]);
    const stopped = await harness.waitForReport(task.taskArn, (r) => r.status === 'STOPPED');
    expect(stopped.containers.every((c) => c.status === 'STOPPED')).toBe(true);
    const pauseState = await docker.getContainer(pause?.Id ?? '').inspect();
    expect(pauseState.State.Running).toBe(false);
  });
});
