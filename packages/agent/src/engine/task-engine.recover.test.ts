import { afterAll, describe, expect, it } from 'vitest';

import { LABELS } from '../runtime/ownership-labels.js';
import { dockerContainerName } from './docker-names.js';
import {
  aTask,
  containersOf,
  docker,
  EngineHarness,
  removeOwned,
  shortId,
  TEST_IMAGE,
  uniqueInstanceArn,
  waitUntil,
} from '../test-support/engine-harness.test-support.js';

describe('TaskEngine: restart recovery', () => {
  const instanceArn = uniqueInstanceArn('recover');
  const foreignIds: string[] = [];

  afterAll(async () => {
    await Promise.all(foreignIds.map((id) => docker.getContainer(id).remove({ force: true })));
    await removeOwned(instanceArn);
  });

  const foreignContainer = async (labels: Record<string, string>): Promise<string> => {
    const c = await docker.createContainer({
      name: `berth-test-foreign-${shortId()}`,
      Image: TEST_IMAGE,
      Cmd: ['sleep', '600'],
      Labels: labels,
    });
    await c.start();
    foreignIds.push(c.id);
    return c.id;
  };

  it('adopts its running containers after a restart, reaps orphans and leaves foreign containers alone', async () => {
    const kept = aTask([
      { name: 'web', image: TEST_IMAGE, essential: true, portMappings: [{ containerPort: 80 }] },
      { name: 'helper', image: TEST_IMAGE, essential: false, command: ['sh', '-c', 'exit 0'] },
    ]);
    const dropped = aTask([{ name: 'old', image: TEST_IMAGE, essential: true, command: ['sleep', '600'] }]);
    const unlabelled = await foreignContainer({});
    const otherInstance = await foreignContainer({
      [LABELS.managed]: 'true',
      [LABELS.containerInstance]: uniqueInstanceArn('someone-else'),
      [LABELS.taskArn]: dropped.taskArn,
    });

    const first = new EngineHarness(instanceArn);
    await first.engine.recover();
    first.engine.applyDesired([kept, dropped]);
    const before = await first.waitForReport(
      kept.taskArn,
      (r) => r.status === 'RUNNING' && r.containers.every((c) => c.status !== 'PENDING'),
    );
    await first.waitForReport(dropped.taskArn, (r) => r.status === 'RUNNING');
    await first.engine.shutdown({ stopTasks: false });
    const ownedBefore = await containersOf(instanceArn);
    expect(ownedBefore).toHaveLength(3);
    expect(ownedBefore.filter((c) => c.State === 'running')).toHaveLength(2);

    const second = new EngineHarness(instanceArn);
    await second.engine.recover();
    second.engine.applyDesired([kept]);
    const after = await second.waitForReport(kept.taskArn, (r) => r.status === 'RUNNING');
    expect(after.containers.map((c) => c.runtimeId)).toEqual(before.containers.map((c) => c.runtimeId));
    expect(after.containers.find((c) => c.containerName === 'web')?.networkBindings).toEqual(
      before.containers.find((c) => c.containerName === 'web')?.networkBindings,
    );
    expect(after.containers.find((c) => c.containerName === 'helper')).toMatchObject({
      status: 'STOPPED',
      exitCode: 0,
    });

    const remaining = await waitUntil(async () => {
      const owned = await containersOf(instanceArn);
      return owned.some((c) => c.Labels[LABELS.taskArn] === dropped.taskArn) ? undefined : owned;
    }, 15_000);
    expect(remaining.map((c) => c.Id).sort()).toEqual(
      ownedBefore
        .filter((c) => c.Labels[LABELS.taskArn] === kept.taskArn)
        .map((c) => c.Id)
        .sort(),
    );
    for (const id of [unlabelled, otherInstance]) {
      expect((await docker.getContainer(id).inspect()).State.Running).toBe(true);
    }

    await second.engine.shutdown({ stopTasks: true });
    expect(await containersOf(instanceArn)).toEqual([]);
  });

  it('adopts a container that already carries its deterministic name instead of duplicating it', async () => {
    const task = aTask([{ name: 'web', image: TEST_IMAGE, essential: true }]);
    const existing = await docker.createContainer({
      name: dockerContainerName(task, 'web'),
      Image: TEST_IMAGE,
      Labels: {
        [LABELS.managed]: 'true',
        [LABELS.containerInstance]: instanceArn,
        [LABELS.taskArn]: task.taskArn,
        [LABELS.containerName]: 'web',
      },
    });
    const harness = new EngineHarness(instanceArn);
    harness.engine.applyDesired([task]);
    const running = await harness.waitForReport(task.taskArn, (r) => r.status === 'RUNNING');
    expect(running.containers[0]?.runtimeId).toBe(existing.id);
    await harness.engine.shutdown({ stopTasks: true });
    expect(await containersOf(instanceArn)).toEqual([]);
  });
});
