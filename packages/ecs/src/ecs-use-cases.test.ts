import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { apiErrorOf, UNIT_PARTITION, startUnitControlPlane } from './test-support/unit.test-support.js';
import type { RunningControlPlane } from './test-support/unit.test-support.js';
import { ecsUseCases } from './ecs-use-cases.js';

const partition = UNIT_PARTITION;
let plane: RunningControlPlane;

beforeEach(async () => {
  plane = await startUnitControlPlane();
  const { services } = plane;
  services.clusters.create(partition, { clusterName: 'c' });
  services.taskDefinitions.register(
    partition,
    { family: 'web', containerDefinitions: [{ name: 'web', image: 'x', memory: 128 }] },
    'unit',
  );
  services.ecsServices.create(partition, {
    cluster: 'c',
    serviceName: 's',
    taskDefinition: 'web',
    desiredCount: 1,
  });
});

afterEach(async () => {
  await plane.close();
});

describe('the ECS use cases for Application Auto Scaling', () => {
  it('read and set a service’s desired count through UpdateService', () => {
    const ecs = ecsUseCases(plane.services.ecsServices);
    expect(ecs.serviceDesiredCount(partition, 'c', 's')).toMatchObject({ desiredCount: 1, deploying: false });
    expect(ecs.setServiceDesiredCount(partition, 'c', 's', 3).desiredCount).toBe(3);
    const [service] = plane.services.ecsServices.describe(partition, 'c', ['s'], []).services;
    expect(service?.desiredCount).toBe(3);
    expect(service?.deployments?.[0]?.desiredCount).toBe(3);
  });

  it('answer ECS’s errors for a service or cluster that is not there', () => {
    const ecs = ecsUseCases(plane.services.ecsServices);
    expect(apiErrorOf(() => ecs.serviceDesiredCount(partition, 'c', 'nope'))).toBe(
      'ServiceNotFoundException: Service not found.',
    );
    expect(apiErrorOf(() => ecs.setServiceDesiredCount(partition, 'c', 'nope', 2))).toBe(
      'ServiceNotFoundException: Service not found.',
    );
    expect(apiErrorOf(() => ecs.serviceDesiredCount(partition, 'other', 's'))).toMatch(
      /^ClusterNotFoundException/,
    );
  });
});
