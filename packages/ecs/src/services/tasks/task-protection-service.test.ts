import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { toWireResources } from '@berth/core';

import type { RunningControlPlane } from '../../test-support/unit.test-support.js';
import { apiErrorOf, UNIT_PARTITION, startUnitControlPlane } from '../../test-support/unit.test-support.js';
import { KIND, type TaskRecord } from '../records.js';

const partition = UNIT_PARTITION;
let plane: RunningControlPlane;
let clock = 1_700_000_000_000;

const waitFor = async (check: () => boolean): Promise<void> => {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

const serviceTaskArns = (): string[] =>
  plane.store
    .list<TaskRecord>(KIND.task)
    .filter((t) => t.task.group === 'service:s' && t.task.desiredStatus === 'RUNNING')
    .map((t) => t.task.taskArn ?? '');

beforeEach(async () => {
  clock = 1_700_000_000_000;
  plane = await startUnitControlPlane({ now: () => clock });
  const { services } = plane;
  services.clusters.create(partition, { clusterName: 'c' });
  services.containerInstances.register(partition, {
    cluster: 'c',
    totalResources: toWireResources({ cpu: 4096, memory: 4096, ports: [], portsUdp: [] }),
  });
  services.taskDefinitions.register(
    partition,
    { family: 'web', containerDefinitions: [{ name: 'web', image: 'x', memory: 128 }] },
    'unit',
  );
  services.ecsServices.create(partition, {
    cluster: 'c',
    serviceName: 's',
    taskDefinition: 'web',
    desiredCount: 2,
  });
  await waitFor(() => serviceTaskArns().length === 2);
});

afterEach(async () => {
  await plane.close();
});

describe('task scale-in protection', () => {
  it('protects service tasks for 120 minutes by default, and expires', () => {
    const { taskProtection } = plane.services;
    const [a = '', b = ''] = serviceTaskArns();
    const now = clock / 1000;
    expect(taskProtection.update(partition, { cluster: 'c', tasks: [a], protectionEnabled: true })).toEqual({
      protectedTasks: [{ taskArn: a, protectionEnabled: true, expirationDate: now + 7200 }],
      failures: [],
    });
    expect(
      taskProtection.update(partition, {
        cluster: 'c',
        tasks: [b.split('/').pop()],
        protectionEnabled: true,
        expiresInMinutes: 1,
      }).protectedTasks,
    ).toEqual([{ taskArn: b, protectionEnabled: true, expirationDate: now + 60 }]);
    expect(taskProtection.get(partition, { cluster: 'c', tasks: [a, b] }).protectedTasks).toEqual([
      { taskArn: a, protectionEnabled: true, expirationDate: now + 7200 },
      { taskArn: b, protectionEnabled: true, expirationDate: now + 60 },
    ]);
    clock += 60_000;
    expect(taskProtection.get(partition, { cluster: 'c', tasks: [b] }).protectedTasks).toEqual([
      { taskArn: b, protectionEnabled: false },
    ]);
    expect(taskProtection.update(partition, { cluster: 'c', tasks: [a], protectionEnabled: false })).toEqual({
      protectedTasks: [{ taskArn: a, protectionEnabled: false }],
      failures: [],
    });
    expect(plane.store.get<TaskRecord>(KIND.task, a)?.protectedUntil).toBeUndefined();
  });

  it('answers MISSING, TASK_NOT_VALID and DEPLOYMENT_BLOCKED failures', () => {
    const { taskProtection, tasks, ecsServices } = plane.services;
    const standalone = tasks.run(partition, { cluster: 'c', taskDefinition: 'web' }).tasks[0]?.taskArn ?? '';
    const missing = 'arn:aws:ecs:us-east-1:000000000000:task/c/0123456789abcdef0123456789abcdef';
    const result = taskProtection.update(partition, {
      cluster: 'c',
      tasks: [standalone, '0123456789abcdef0123456789abcdef'],
      protectionEnabled: true,
    });
    expect(result).toEqual({
      protectedTasks: [],
      failures: [
        { arn: standalone, reason: 'TASK_NOT_VALID' },
        { arn: missing, reason: 'MISSING' },
      ],
    });
    expect(taskProtection.get(partition, { cluster: 'c', tasks: [standalone] }).failures).toEqual([
      { arn: standalone, reason: 'TASK_NOT_VALID' },
    ]);
    ecsServices.update(partition, { cluster: 'c', service: 's', desiredCount: 1 });
    const [a = '', b = ''] = serviceTaskArns();
    const blocked = taskProtection.update(partition, {
      cluster: 'c',
      tasks: [a, b],
      protectionEnabled: true,
    });
    expect(blocked.protectedTasks.map((t) => t.taskArn)).toEqual([a]);
    expect(blocked.failures).toEqual([
      {
        arn: b,
        reason: 'DEPLOYMENT_BLOCKED',
        detail: 'The service would have more protected tasks than its desired count.',
      },
    ]);
  });

  it('validates its input as ECS does', () => {
    const { taskProtection } = plane.services;
    const [a = ''] = serviceTaskArns();
    expect(
      apiErrorOf(() =>
        taskProtection.update(partition, { cluster: 'nope', tasks: [a], protectionEnabled: true }),
      ),
    ).toBe('ClusterNotFoundException: Cluster not found.');
    expect(apiErrorOf(() => taskProtection.update(partition, { tasks: [a], protectionEnabled: true }))).toBe(
      'InvalidParameterException: cluster can not be blank.',
    );
    expect(
      apiErrorOf(() =>
        taskProtection.update(partition, { cluster: 'c', tasks: [], protectionEnabled: true }),
      ),
    ).toBe('InvalidParameterException: tasks must contain between 1 and 10 task IDs or ARNs.');
    expect(
      apiErrorOf(() =>
        taskProtection.update(partition, { cluster: 'c', tasks: Array(11).fill(a), protectionEnabled: true }),
      ),
    ).toMatch(/between 1 and 10/);
    for (const expiresInMinutes of [0, 2881, 1.5]) {
      expect(
        apiErrorOf(() =>
          taskProtection.update(partition, {
            cluster: 'c',
            tasks: [a],
            protectionEnabled: true,
            expiresInMinutes,
          }),
        ),
      ).toBe('InvalidParameterException: expiresInMinutes must be between 1 and 2880.');
    }
    expect(apiErrorOf(() => taskProtection.update(partition, { cluster: 'c', tasks: [a] }))).toBe(
      'InvalidParameterException: protectionEnabled can not be blank.',
    );
    expect(
      apiErrorOf(() => taskProtection.get(partition, { cluster: 'c', tasks: Array(101).fill(a) })),
    ).toMatch(/between 0 and 100/);
  });

  it('keeps protected tasks through a scale-in, and lets them go once protection expires', async () => {
    const { taskProtection, ecsServices } = plane.services;
    const [kept = ''] = serviceTaskArns();
    taskProtection.update(partition, {
      cluster: 'c',
      tasks: [kept],
      protectionEnabled: true,
      expiresInMinutes: 5,
    });
    ecsServices.update(partition, { cluster: 'c', service: 's', desiredCount: 0 });
    await waitFor(() => serviceTaskArns().length === 1);
    expect(serviceTaskArns()).toEqual([kept]);
    clock += 5 * 60_000;
    ecsServices.update(partition, { cluster: 'c', service: 's', desiredCount: 0, forceNewDeployment: false });
    await waitFor(() => serviceTaskArns().length === 0);
    expect(plane.store.get<TaskRecord>(KIND.task, kept)?.task.stopCode).toBe('ServiceSchedulerInitiated');
  });
});
