/** Against the real Docker daemon: a container spinning on a CPU limit. */
import { afterAll, describe, expect, it } from 'vitest';

import { ownerLabels } from '../runtime/ownership-labels.js';
import { DockerRuntime } from '../runtime/docker/docker-runtime.js';
import {
  docker,
  removeOwned,
  shortId,
  TEST_IMAGE,
  uniqueInstanceArn,
} from '../test-support/engine-harness.test-support.js';
import { TaskStatsSampler } from './task-stats-sampler.js';

const owner = uniqueInstanceArn('stats');
const runtime = new DockerRuntime({ docker });
const TASK_ARN = 'arn:aws:ecs:us-east-1:000000000000:task/berth-test/stats';
const HALF_A_CPU_UNITS = 512;

afterAll(async () => {
  await removeOwned(owner);
});

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('TaskStatsSampler on Docker', () => {
  it('measures a container burning its whole half-CPU limit as about 512 CPU units', async () => {
    const container = await docker.createContainer({
      name: `berth-test-stats-${shortId()}`,
      Image: TEST_IMAGE,
      Cmd: ['sh', '-c', 'while :; do :; done'],
      Labels: ownerLabels(owner),
      HostConfig: { NanoCpus: 500_000_000, NetworkMode: 'none' },
    });
    await container.start();
    const sampler = new TaskStatsSampler(runtime, Date.now, () => undefined);
    const task = { taskArn: TASK_ARN, containerIds: [container.id] };

    expect(await sampler.sample([task])).toEqual([]); // the first reading only sets the baseline
    await pause(3000);
    const [sample] = await sampler.sample([task]);

    expect(sample?.taskArn).toBe(TASK_ARN);
    expect(sample?.cpuUnitsUsed).toBeGreaterThan(HALF_A_CPU_UNITS * 0.75);
    expect(sample?.cpuUnitsUsed).toBeLessThan(HALF_A_CPU_UNITS * 1.25);
    expect(sample?.memoryMiBUsed).toBeGreaterThan(0);
    expect(sample?.memoryMiBUsed).toBeLessThan(64);
  });

  it('skips a container that is gone', async () => {
    const sampler = new TaskStatsSampler(runtime, Date.now, () => undefined);
    const task = { taskArn: TASK_ARN, containerIds: ['berth-test-no-such-container'] };
    expect(await sampler.sample([task])).toEqual([]);
    expect(await sampler.sample([task])).toEqual([]);
  });
});
