import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { readCgroupLayout, type CgroupLayout } from '../host/cgroup-layout.js';
import { LABELS } from '../runtime/ownership-labels.js';
import {
  aTask,
  containersOf,
  docker,
  EngineHarness,
  removeOwned,
  TEST_IMAGE,
  uniqueInstanceArn,
  waitUntil,
} from '../test-support/engine-harness.test-support.js';
import { taskIdOf } from './docker-names.js';

const hierarchies = (layout: CgroupLayout): readonly string[] =>
  layout.version === 1 ? layout.hierarchies : [layout.root];

/** The task cgroup's CFS quota, as `<quota> <period>` on either cgroup version. */
const cpuMax = async (layout: CgroupLayout, cgroup: string): Promise<string> => {
  if (layout.version === 2) return (await readFile(join(layout.root, cgroup, 'cpu.max'), 'utf8')).trim();
  const read = (file: string): Promise<string> => readFile(join(layout.cpu, cgroup, file), 'utf8');
  return `${(await read('cpu.cfs_quota_us')).trim()} ${(await read('cpu.cfs_period_us')).trim()}`;
};

describe('TaskEngine: task cgroups (task-level cpu and memory)', () => {
  const harness = new EngineHarness(uniqueInstanceArn('cgroups'));

  afterAll(async () => {
    await harness.engine.shutdown({ stopTasks: true });
    await removeOwned(harness.instanceArn);
  });

  it('OOM-kills a container that takes the task over its memory, though the container has no limit of its own', async () => {
    const task = aTask(
      [
        {
          name: 'idle',
          image: TEST_IMAGE,
          essential: false,
          memoryReservation: 16,
          command: ['sleep', '600'],
        },
        {
          name: 'hog',
          image: TEST_IMAGE,
          essential: true,
          memoryReservation: 16,
          command: ['sh', '-c', 'sleep 0.5; x=$(head -c 100000000 /dev/zero | tr "\\0" a); echo ${#x}'],
        },
      ],
      { memory: 64 },
    );
    harness.engine.applyDesired([task]);
    const stopped = await harness.waitForReport(task.taskArn, (r) => r.status === 'STOPPED', 30_000);
    const hog = stopped.containers.find((c) => c.containerName === 'hog');
    expect(hog).toMatchObject({
      status: 'STOPPED',
      reason: 'OutOfMemoryError: Container killed due to memory usage',
      exitCode: 137,
    });
    expect(stopped.stopCode).toBe('EssentialContainerExited');
    // Docker flags every container of the cgroup as OOM-killed; the sibling the agent stopped is not.
    expect(stopped.containers.find((c) => c.containerName === 'idle')?.reason).toBeUndefined();
    const { HostConfig: host } = await docker.getContainer(hog?.runtimeId ?? '').inspect();
    expect(host.Memory).toBe(0);
    expect(host.CgroupParent).toBe(`/berth/${taskIdOf(task.taskArn)}`);
  });

  it('puts every container (the pause container too) under a CPU-limited task cgroup, removed with the task', async () => {
    const layout = await readCgroupLayout();
    if (!layout) throw new Error('no cgroup hierarchy found');
    const task = aTask([{ name: 'app', image: TEST_IMAGE, essential: true, command: ['sleep', '600'] }], {
      cpu: 256,
      networkMode: 'awsvpc',
    });
    const taskCgroup = `/berth/${taskIdOf(task.taskArn)}`;
    harness.engine.applyDesired([task]);
    await harness.waitForReport(task.taskArn, (r) => r.status === 'RUNNING');

    const mine = (await containersOf(harness.instanceArn)).filter(
      (c) => c.Labels[LABELS.taskArn] === task.taskArn,
    );
    expect(mine).toHaveLength(2);
    for (const c of mine) {
      expect((await docker.getContainer(c.Id).inspect()).HostConfig.CgroupParent).toBe(taskCgroup);
    }
    expect(await cpuMax(layout, taskCgroup)).toBe('25000 100000');

    harness.engine.applyDesired([{ ...task, desiredStatus: 'STOPPED' }]);
    await harness.waitForReport(task.taskArn, (r) => r.status === 'STOPPED');
    harness.engine.applyDesired([]);
    await waitUntil(
      () => (hierarchies(layout).some((h) => existsSync(join(h, taskCgroup))) ? undefined : true),
      15_000,
      () => `${taskCgroup} removed from every hierarchy; logs: ${harness.logs.join('\n')}`,
    );
  });
});
