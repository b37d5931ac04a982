import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { RunningControlPlane } from '../test-support/unit.test-support.js';
import { apiErrorOf, UNIT_PARTITION, startUnitControlPlane } from '../test-support/unit.test-support.js';

const partition = UNIT_PARTITION;
const ARN = 'arn:aws:ecs:us-east-1:000000000000:task-definition/web:1';
let plane: RunningControlPlane;

beforeEach(async () => {
  plane = await startUnitControlPlane();
  plane.services.taskDefinitions.register(
    partition,
    { family: 'web', containerDefinitions: [{ name: 'web', image: 'x', memory: 64 }] },
    'unit',
  );
});

afterEach(async () => {
  await plane.close();
});

describe('task definition texts, as ECS words them', () => {
  it('DeregisterTaskDefinition needs a revision', () => {
    const { taskDefinitions } = plane.services;
    expect(apiErrorOf(() => taskDefinitions.deregister(partition, 'web'))).toBe(
      'ClientException: Revision is missing.',
    );
    expect(apiErrorOf(() => taskDefinitions.deregister(partition, 'web:9'))).toBe(
      'ClientException: Unable to describe task definition.',
    );
  });

  it('DeleteTaskDefinitions tells a bare family from an unknown revision', () => {
    const { taskDefinitions } = plane.services;
    expect(taskDefinitions.delete(partition, ['web', 'web:9', 'nope:1', 'web:1'])).toEqual({
      taskDefinitions: [],
      failures: [
        {
          arn: 'web',
          reason:
            'The specified task definition identifier is invalid. Specify a valid name or ARN and try again.',
        },
        {
          arn: 'web:9',
          reason:
            'The specified task definition does not exist. Specify a valid account, family, revision and try again.',
        },
        {
          arn: 'nope:1',
          reason:
            'The specified task definition does not exist. Specify a valid account, family, revision and try again.',
        },
        {
          arn: ARN,
          reason:
            'The specified task definition is still in ACTIVE status. Please deregister the target and try again.',
        },
      ],
    });
    taskDefinitions.deregister(partition, 'web:1');
    expect(taskDefinitions.delete(partition, [ARN]).taskDefinitions.map((t) => t.status)).toEqual([
      'DELETE_IN_PROGRESS',
    ]);
    expect(apiErrorOf(() => taskDefinitions.delete(partition, []))).toBe(
      'InvalidParameterException: size of TaskDefinition references list must be greater than 0',
    );
    expect(apiErrorOf(() => taskDefinitions.delete(partition, Array<string>(11).fill(ARN)))).toBe(
      'InvalidParameterException: Size of TaskDefinition references list cannot exceed 10',
    );
  });
});
