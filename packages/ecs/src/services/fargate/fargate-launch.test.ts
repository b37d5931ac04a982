import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { toWireResources, type Partition } from '@berth/core';

import { apiErrorOf, UNIT_PARTITION, startUnitControlPlane } from '../../test-support/unit.test-support.js';
import type { RunningControlPlane } from '../../test-support/unit.test-support.js';
import { KIND, type TaskRecord } from '../records.js';

import { NO_FARGATE_CAPACITY } from './managed-capacity.js';

const partition = UNIT_PARTITION;
const NETWORK = { awsvpcConfiguration: { subnets: ['subnet-a'], securityGroups: ['sg-a'] } };
let plane: RunningControlPlane;

const registerHost = (memory: number): string =>
  plane.services.managedHosts.register(partition, {
    totalResources: toWireResources({ cpu: 2048, memory, ports: [], portsUdp: [] }),
    attributes: [{ name: 'ecs.availability-zone', value: 'us-east-1c' }],
  }).hostArn;

const record = (taskArn: string): TaskRecord | undefined => plane.store.get<TaskRecord>(KIND.task, taskArn);

/** `fg`: a 0.25 vCPU / 512 MiB Fargate definition. */
const registerFargateDefinition = (p: Partition): void => {
  plane.services.taskDefinitions.register(
    p,
    {
      family: 'fg',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'web', image: 'x' }],
    },
    'unit',
  );
};

beforeEach(async () => {
  plane = await startUnitControlPlane({ spotWarningSeconds: 7 });
  const { services } = plane;
  services.clusters.create(partition, { clusterName: 'c', capacityProviders: ['FARGATE', 'FARGATE_SPOT'] });
  registerFargateDefinition(partition);
});

afterEach(async () => {
  await plane.close();
});

describe('FARGATE launches', () => {
  it('runs on a managed host, never on a container instance, with Fargate fields', () => {
    const hostArn = registerHost(4096);
    const { tasks, failures } = plane.services.tasks.run(partition, {
      cluster: 'c',
      taskDefinition: 'fg',
      launchType: 'FARGATE',
      networkConfiguration: NETWORK,
    });
    expect(failures).toEqual([]);
    const task = tasks[0];
    expect(task).toMatchObject({
      launchType: 'FARGATE',
      platformVersion: '1.4.0',
      platformFamily: 'Linux',
      ephemeralStorage: { sizeInGiB: 20 },
      availabilityZone: 'us-east-1c',
      cpu: '256',
      memory: '512',
    });
    expect(task?.containerInstanceArn).toBeUndefined();
    expect(task?.capacityProviderName).toBeUndefined();
    expect(task?.attachments?.[0]?.details).toContainEqual({ name: 'subnetId', value: 'subnet-a' });
    expect(record(task?.taskArn ?? '')?.hostArn).toBe(hostArn);
  });

  it('admits tasks by the managed hosts’ free memory and fails the rest with ECS’s capacity reason', () => {
    registerHost(1024);
    const { tasks, failures } = plane.services.tasks.run(partition, {
      cluster: 'c',
      taskDefinition: 'fg',
      launchType: 'FARGATE',
      networkConfiguration: NETWORK,
      count: 3,
    });
    expect(tasks).toHaveLength(2);
    expect(failures).toEqual([{ reason: NO_FARGATE_CAPACITY }]);
  });

  it('keeps accounts apart: a managed host runs its own account’s tasks only, in any region', () => {
    registerHost(4096);
    const other: Partition = { accountId: '111111111111', region: 'us-east-1' };
    const elsewhere: Partition = { ...partition, region: 'ap-northeast-2' };
    for (const p of [other, elsewhere]) {
      plane.services.clusters.create(p, { clusterName: 'c' });
      registerFargateDefinition(p);
    }
    const run = (p: Partition) =>
      plane.services.tasks.run(p, {
        cluster: 'c',
        taskDefinition: 'fg',
        launchType: 'FARGATE',
        networkConfiguration: NETWORK,
      });
    expect(run(other)).toMatchObject({ tasks: [], failures: [{ reason: NO_FARGATE_CAPACITY }] });
    expect(run(elsewhere).tasks).toHaveLength(1);
  });

  it('names the provider of each task launched by a FARGATE/FARGATE_SPOT strategy', () => {
    registerHost(8192);
    const { tasks } = plane.services.tasks.run(partition, {
      cluster: 'c',
      taskDefinition: 'fg',
      capacityProviderStrategy: [
        { capacityProvider: 'FARGATE', base: 1, weight: 1 },
        { capacityProvider: 'FARGATE_SPOT', weight: 3 },
      ],
      networkConfiguration: NETWORK,
      count: 5,
    });
    const providers = tasks.map((t) => t.capacityProviderName);
    expect(providers.filter((p) => p === 'FARGATE')).toHaveLength(2);
    expect(providers.filter((p) => p === 'FARGATE_SPOT')).toHaveLength(3);
    expect(tasks.every((t) => t.launchType === 'FARGATE')).toBe(true);
  });

  it('reclaims only live FARGATE_SPOT tasks, with SpotInterruption and the configured warning', () => {
    registerHost(8192);
    const run = (capacityProvider: string): string =>
      plane.services.tasks.run(partition, {
        cluster: 'c',
        taskDefinition: 'fg',
        capacityProviderStrategy: [{ capacityProvider, weight: 1 }],
        networkConfiguration: NETWORK,
      }).tasks[0]?.taskArn ?? '';
    const spot = run('FARGATE_SPOT');
    const onDemand = run('FARGATE');
    expect(plane.services.spot.reclaim(partition, { cluster: 'c' })).toEqual({ reclaimedTaskArns: [spot] });
    expect(record(spot)?.task).toMatchObject({
      desiredStatus: 'STOPPED',
      stopCode: 'SpotInterruption',
      stoppedReason: 'Your Spot Task was interrupted.',
    });
    expect(record(spot)?.stopGraceSeconds).toBe(7);
    expect(record(onDemand)?.task.desiredStatus).toBe('RUNNING');
    expect(plane.services.spot.reclaim(partition, { cluster: 'c' })).toEqual({ reclaimedTaskArns: [] });
  });

  it('answers what Fargate refuses with ECS’s errors', () => {
    registerHost(4096);
    const { tasks: t, taskDefinitions } = plane.services;
    taskDefinitions.register(
      partition,
      { family: 'ec2', containerDefinitions: [{ name: 'c', image: 'x', memory: 8 }] },
      'unit',
    );
    const run = (request: Record<string, unknown>): string =>
      apiErrorOf(() => t.run(partition, { cluster: 'c', taskDefinition: 'fg', ...request }));
    expect(run({ launchType: 'FARGATE', taskDefinition: 'ec2' })).toBe(
      'InvalidParameterException: Task definition does not support launch_type FARGATE.',
    );
    expect(run({ launchType: 'FARGATE' })).toBe(
      "InvalidParameterException: Network Configuration must be provided when networkMode 'awsvpc' is specified.",
    );
    expect(
      run({ launchType: 'FARGATE', networkConfiguration: NETWORK, placementStrategy: [{ type: 'random' }] }),
    ).toBe('InvalidParameterException: Placement strategies are not supported with FARGATE launch type.');
    expect(
      run({
        launchType: 'FARGATE',
        networkConfiguration: NETWORK,
        overrides: { cpu: '256', memory: '4096' },
      }),
    ).toBe('ClientException: No Fargate configuration exists for given values.');
    expect(
      run({
        launchType: 'FARGATE',
        networkConfiguration: NETWORK,
        overrides: { ephemeralStorage: { sizeInGiB: 500 } },
      }),
    ).toBe("ClientException: Invalid 'ephemeralStorage.sizeInGiB' setting for task.");
    expect(run({ launchType: 'FARGATE', networkConfiguration: NETWORK, platformVersion: '9.9.9' })).toBe(
      'InvalidParameterException: The specified platform version (9.9.9) does not exist.',
    );
    expect(run({ launchType: 'EC2', networkConfiguration: NETWORK, platformVersion: 'LATEST' })).toBe(
      'InvalidParameterException: The platform version must be null when specifying an EC2 launch type.',
    );
    expect(
      run({
        launchType: 'FARGATE',
        capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }],
        networkConfiguration: NETWORK,
      }),
    ).toBe(
      'InvalidParameterException: Specifying both a launch type and capacity provider strategy is not supported.',
    );
    expect(
      apiErrorOf(() =>
        plane.services.ecsServices.create(partition, {
          cluster: 'c',
          serviceName: 'd',
          taskDefinition: 'fg',
          schedulingStrategy: 'DAEMON',
          networkConfiguration: NETWORK,
          launchType: 'FARGATE',
        }),
      ),
    ).toBe(
      'InvalidParameterException: The daemon scheduling strategy is not supported with the FARGATE launch type.',
    );
  });
});
