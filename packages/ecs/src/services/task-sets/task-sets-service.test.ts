import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { RunningControlPlane } from '../../test-support/unit.test-support.js';
import { apiErrorOf } from '../../test-support/unit.test-support.js';

import { NETWORK, partition, startTaskSetPlane } from './task-set-fixtures.test-support.js';

let plane: RunningControlPlane;
const SERVICE_ARN = 'arn:aws:ecs:us-east-1:000000000000:service/c/s';

beforeEach(async () => {
  plane = await startTaskSetPlane(4);
});

afterEach(async () => {
  await plane.close();
});

const create = (overrides: Record<string, unknown> = {}) =>
  plane.services.taskSets.create(partition, {
    cluster: 'c',
    service: 's',
    taskDefinition: 'web',
    ...overrides,
  });

describe('CreateTaskSet', () => {
  it('answers with ECS’s shape: ecs-svc id, task-set ARN, ACTIVE, STABILIZING, computed count', () => {
    const taskSet = create({
      externalId: 'blue',
      scale: { value: 30, unit: 'PERCENT' },
      tags: [{ key: 'k', value: 'v' }],
    });
    expect(taskSet.id).toMatch(/^ecs-svc\/\d{19}$/);
    expect(taskSet).toMatchObject({
      taskSetArn: `arn:aws:ecs:us-east-1:000000000000:task-set/c/s/${taskSet.id ?? ''}`,
      serviceArn: SERVICE_ARN,
      clusterArn: 'arn:aws:ecs:us-east-1:000000000000:cluster/c',
      externalId: 'blue',
      status: 'ACTIVE',
      taskDefinition: 'arn:aws:ecs:us-east-1:000000000000:task-definition/web:1',
      computedDesiredCount: 2, // ceil(4 × 30 %) = ceil(1.2)
      pendingCount: 0,
      runningCount: 0,
      launchType: 'EC2',
      loadBalancers: [],
      serviceRegistries: [],
      scale: { value: 30, unit: 'PERCENT' },
      stabilityStatus: 'STABILIZING',
      tags: [{ key: 'k', value: 'v' }],
    });
    expect(taskSet.createdAt).toBe(taskSet.updatedAt);
    expect(taskSet.stabilityStatusAt).toBe(taskSet.createdAt);
    expect(taskSet.startedBy).toBeUndefined();
    expect(taskSet.platformVersion).toBeUndefined();
  });

  it('defaults the scale to 0 %, as ECS’s own example shows', () => {
    expect(create()).toMatchObject({ scale: { value: 0, unit: 'PERCENT' }, computedDesiredCount: 0 });
  });

  it('runs FARGATE with a platform version and the network configuration ECS fills in', () => {
    const taskSet = create({ taskDefinition: 'fg', launchType: 'FARGATE', networkConfiguration: NETWORK });
    expect(taskSet).toMatchObject({
      launchType: 'FARGATE',
      platformVersion: 'LATEST',
      platformFamily: 'Linux',
      networkConfiguration: {
        awsvpcConfiguration: { ...NETWORK.awsvpcConfiguration, assignPublicIp: 'DISABLED' },
      },
    });
    const byStrategy = create({
      taskDefinition: 'fg',
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }],
      networkConfiguration: NETWORK,
    });
    expect(byStrategy.capacityProviderStrategy).toEqual([
      { capacityProvider: 'FARGATE', base: 0, weight: 1 },
    ]);
    expect(byStrategy.launchType).toBeUndefined();
  });

  it('is idempotent by clientToken', () => {
    const first = create({ clientToken: 'token-1', scale: { value: 50 } });
    expect(create({ clientToken: 'token-1', scale: { value: 50 } }).id).toBe(first.id);
    expect(apiErrorOf(() => create({ clientToken: 'token-1', scale: { value: 60 } }))).toBe(
      'InvalidParameterException: The clientToken was already used with a different request.',
    );
    expect(apiErrorOf(() => create({ clientToken: 'x'.repeat(37) }))).toBe(
      'InvalidParameterException: clientToken must be 1 to 36 ASCII characters in the range 33-126.',
    );
  });

  it('refuses what ECS refuses, and what Berth cannot do yet', () => {
    expect(apiErrorOf(() => create({ scale: { value: 101, unit: 'PERCENT' } }))).toBe(
      'InvalidParameterException: The scale value must be a number between 0 and 100.',
    );
    expect(apiErrorOf(() => create({ scale: { value: 10, unit: 'COUNT' } }))).toBe(
      'InvalidParameterException: Invalid scale unit: COUNT. Valid values: PERCENT.',
    );
    expect(apiErrorOf(() => create({ service: 'ghost' }))).toBe(
      'ServiceNotFoundException: Service not found.',
    );
    expect(apiErrorOf(() => create({ cluster: 'ghost' }))).toBe(
      'ClusterNotFoundException: Cluster not found.',
    );
    expect(apiErrorOf(() => create({ taskDefinition: 'nope' }))).toMatch(/^ClientException: /);
    expect(apiErrorOf(() => create({ taskDefinition: 'fg', launchType: 'FARGATE' }))).toBe(
      "InvalidParameterException: Network Configuration must be provided when networkMode 'awsvpc' is specified.",
    );
    expect(
      apiErrorOf(() =>
        create({ launchType: 'EC2', capacityProviderStrategy: [{ capacityProvider: 'FARGATE' }] }),
      ),
    ).toBe(
      'InvalidParameterException: Specifying both a launch type and capacity provider strategy is not supported.',
    );
    expect(
      apiErrorOf(() =>
        create({
          loadBalancers: [
            { targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/t/1' },
          ],
        }),
      ),
    ).toBe('UnsupportedFeatureException: Berth does not attach task sets to load balancers yet.');
    expect(
      apiErrorOf(() => create({ serviceRegistries: [{ registryArn: 'arn:aws:servicediscovery:x' }] })),
    ).toBe('UnsupportedFeatureException: Berth does not register task sets in Cloud Map yet.');
    plane.services.ecsServices.create(partition, {
      cluster: 'c',
      serviceName: 'rolling',
      taskDefinition: 'web',
      desiredCount: 0,
    });
    expect(apiErrorOf(() => create({ service: 'rolling' }))).toBe(
      'InvalidParameterException: Amazon ECS only supports task set management on services configured to use external deployment controllers.',
    );
  });

  it('allows five task sets per service', () => {
    for (let i = 0; i < 5; i++) create();
    expect(apiErrorOf(() => create())).toBe(
      'InvalidParameterException: 5 deployments exist on the service. Unable to create new TaskSet since this exceeds the maximum limit.',
    );
  });
});

describe('DescribeTaskSets', () => {
  it('describes by ARN or id, with TAGS on request, and reports unknown ones MISSING', () => {
    const taskSet = create({ tags: [{ key: 'team', value: 'a' }] });
    const missing = 'ecs-svc/1234567890123456789';
    const result = plane.services.taskSets.describe(partition, {
      cluster: 'c',
      service: SERVICE_ARN,
      taskSets: [taskSet.taskSetArn ?? '', missing],
      include: ['TAGS'],
    });
    expect(result.taskSets.map((t) => [t.id, t.tags])).toEqual([[taskSet.id, [{ key: 'team', value: 'a' }]]]);
    expect(result.failures).toEqual([
      { arn: `arn:aws:ecs:us-east-1:000000000000:task-set/c/s/${missing}`, reason: 'MISSING' },
    ]);
    const plain = plane.services.taskSets.describe(partition, {
      cluster: 'c',
      service: 's',
      taskSets: [taskSet.id ?? ''],
    });
    expect(plain.taskSets[0]?.tags).toBeUndefined();
  });

  it('answers ECS’s errors for empty and malformed references', () => {
    const describe = (taskSets?: string[]) => () =>
      plane.services.taskSets.describe(partition, {
        cluster: 'c',
        service: 's',
        ...(taskSets ? { taskSets } : {}),
      });
    expect(apiErrorOf(describe())).toBe('InvalidParameterException: TaskSets cannot be empty.');
    expect(apiErrorOf(describe(['arn:aws:ecs:us-east-1:000000000000:task/c/abc']))).toBe(
      'InvalidParameterException: Task Set Identifier is invalid.',
    );
    expect(apiErrorOf(describe(['nonsense']))).toBe(
      'InvalidParameterException: Task Set Identifier is invalid.',
    );
  });
});

describe('UpdateTaskSet, UpdateServicePrimaryTaskSet, DeleteTaskSet', () => {
  it('updates the scale and recomputes the count from the service’s desiredCount', () => {
    const taskSet = create();
    const updated = plane.services.taskSets.update(partition, {
      cluster: 'c',
      service: 's',
      taskSet: taskSet.id ?? '',
      scale: { value: 50, unit: 'PERCENT' },
    });
    expect(updated).toMatchObject({
      scale: { value: 50, unit: 'PERCENT' },
      computedDesiredCount: 2,
      stabilityStatus: 'STABILIZING',
    });
    plane.services.ecsServices.update(partition, { cluster: 'c', service: 's', desiredCount: 5 });
    const described = plane.services.taskSets.describe(partition, {
      cluster: 'c',
      service: 's',
      taskSets: [taskSet.id ?? ''],
    });
    expect(described.taskSets[0]?.computedDesiredCount).toBe(3); // ceil(2.5)
    expect(
      apiErrorOf(() =>
        plane.services.taskSets.update(partition, {
          cluster: 'c',
          service: 's',
          taskSet: 'ecs-svc/1',
          scale: { value: 1 },
        }),
      ),
    ).toBe('TaskSetNotFoundException: The specified task set does not exist.');
  });

  it('makes one task set PRIMARY and gives the service its fields', () => {
    const blue = create({ scale: { value: 100 } });
    const green = create({ taskDefinition: 'fg', launchType: 'FARGATE', networkConfiguration: NETWORK });
    const primary = (ref: string) =>
      plane.services.taskSets.updatePrimary(partition, { cluster: 'c', service: 's', primaryTaskSet: ref });
    expect(primary(blue.taskSetArn ?? '')).toMatchObject({ id: blue.id, status: 'PRIMARY' });
    let service = plane.services.ecsServices.describe(partition, 'c', ['s'], []).services[0];
    expect(service).toMatchObject({ taskDefinition: blue.taskDefinition, launchType: 'EC2' });
    expect(primary(green.id ?? '').status).toBe('PRIMARY');
    service = plane.services.ecsServices.describe(partition, 'c', ['s'], []).services[0];
    expect(new Map(service?.taskSets?.map((t) => [t.id, t.status]))).toEqual(
      new Map([
        [blue.id, 'ACTIVE'],
        [green.id, 'PRIMARY'],
      ]),
    );
    expect(service).toMatchObject({
      taskDefinition: green.taskDefinition,
      launchType: 'FARGATE',
      platformVersion: 'LATEST',
      networkConfiguration: green.networkConfiguration,
    });
  });

  it('deletes only a task set scaled to 0 unless forced; a deleted PRIMARY leaves the service without its fields', () => {
    const taskSet = create({ scale: { value: 100 } });
    plane.services.taskSets.updatePrimary(partition, {
      cluster: 'c',
      service: 's',
      primaryTaskSet: taskSet.id ?? '',
    });
    const del = (force?: boolean) => () =>
      plane.services.taskSets.delete(partition, {
        cluster: 'c',
        service: 's',
        taskSet: taskSet.id ?? '',
        ...(force !== undefined ? { force } : {}),
      });
    expect(apiErrorOf(del())).toBe(
      'InvalidParameterException: The task set cannot be deleted while it is scaled above 0. Use force to delete it.',
    );
    expect(del(true)()).toMatchObject({
      status: 'DRAINING',
      computedDesiredCount: 0,
      stabilityStatus: 'STABILIZING',
    });
    const service = plane.services.ecsServices.describe(partition, 'c', ['s'], []).services[0];
    expect(service?.taskDefinition).toBeUndefined();
    expect(service?.launchType).toBeUndefined();
    expect(
      apiErrorOf(() =>
        plane.services.taskSets.update(partition, {
          cluster: 'c',
          service: 's',
          taskSet: taskSet.id ?? '',
          scale: { value: 1 },
        }),
      ),
    ).toBe('InvalidParameterException: The task set is DRAINING: it is being deleted and cannot be changed.');
  });

  it('tags task sets by ARN through TagResource and UntagResource', () => {
    const arn = create({ tags: [{ key: 'a', value: '1' }] }).taskSetArn ?? '';
    const { tags } = plane.services;
    tags.tag(partition, arn, [{ key: 'b', value: '2' }]);
    expect(tags.list(partition, arn)).toEqual([
      { key: 'a', value: '1' },
      { key: 'b', value: '2' },
    ]);
    tags.untag(partition, arn, ['a']);
    expect(tags.list(partition, arn)).toEqual([{ key: 'b', value: '2' }]);
    expect(apiErrorOf(() => tags.list(partition, `${arn.slice(0, -3)}999`))).toBe(
      'InvalidParameterException: The specified resource could not be found.',
    );
  });
});
