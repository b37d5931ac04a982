/** DescribeServices, DescribeTasks, DescribeContainerInstances and DescribeClusters: ECS's failures and order. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { RunningControlPlane } from '../test-support/unit.test-support.js';
import { apiErrorOf, UNIT_PARTITION, startUnitControlPlane } from '../test-support/unit.test-support.js';

import { describeTasks } from './tasks/task-queries.js';

const partition = UNIT_PARTITION;
let plane: RunningControlPlane;

beforeEach(async () => {
  plane = await startUnitControlPlane();
  plane.services.clusters.create(partition, { clusterName: 'c', tags: [{ key: 'team', value: 'ops' }] });
});

afterEach(async () => {
  await plane.close();
});

describe('Describe* failures and checks', () => {
  it('DescribeServices: a bare unknown name is MISSING as `service/<name>`, an ARN as given', () => {
    const arn = 'arn:aws:ecs:us-east-1:000000000000:service/c/gone';
    expect(plane.services.ecsServices.describe(partition, 'c', ['nope', arn], []).failures).toEqual([
      { arn: 'arn:aws:ecs:us-east-1:000000000000:service/nope', reason: 'MISSING' },
      { arn, reason: 'MISSING' },
    ]);
  });

  it('DescribeTasks and DescribeContainerInstances check the cluster, then the list', () => {
    const { containerInstances } = plane.services;
    expect(apiErrorOf(() => describeTasks(plane.store, partition, 'nope', [], []))).toBe(
      'ClusterNotFoundException: Cluster not found.',
    );
    expect(apiErrorOf(() => describeTasks(plane.store, partition, 'c', [], []))).toBe(
      'InvalidParameterException: Tasks cannot be empty.',
    );
    expect(apiErrorOf(() => containerInstances.describe(partition, 'nope', [], []))).toBe(
      'ClusterNotFoundException: Cluster not found.',
    );
    expect(apiErrorOf(() => containerInstances.describe(partition, 'c', [], []))).toBe(
      'ClientException: Container Instances cannot be empty.',
    );
  });

  it('DescribeClusters shows tags only when asked to include TAGS', () => {
    const { clusters } = plane.services;
    expect(clusters.describe(partition, ['c'], []).clusters[0]?.tags).toEqual([]);
    expect(clusters.describe(partition, ['c'], ['TAGS']).clusters[0]?.tags).toEqual([
      { key: 'team', value: 'ops' },
    ]);
  });
});
