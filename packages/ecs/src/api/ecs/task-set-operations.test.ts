import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { RunningControlPlane } from '../../test-support/unit.test-support.js';
import type { RequestContext } from '@berth/gateway';
import { partition, startTaskSetPlane } from '../../services/task-sets/task-set-fixtures.test-support.js';
import { apiErrorOf } from '../../test-support/unit.test-support.js';

import { ecsService } from './ecs-service.js';

let plane: RunningControlPlane;
const ctx: RequestContext = {
  requestId: 'r',
  partition,
  accessKeyId: 'AKIAUNIT',
  principalArn: 'arn:aws:iam::000000000000:root',
  identity: {
    accountId: '000000000000',
    arn: 'arn:aws:iam::000000000000:root',
    userId: '000000000000',
    kind: 'root',
  },
};

beforeEach(async () => {
  plane = await startTaskSetPlane(2);
});

afterEach(async () => {
  await plane.close();
});

const call = (operation: string, input: Record<string, unknown>): unknown => {
  const handler = ecsService(plane.services).operations.get(operation);
  if (!handler) throw new Error(`${operation} is not registered`);
  return handler(ctx, input);
};

describe('task-set operations', () => {
  it('are registered', () => {
    const service = ecsService(plane.services);
    for (const op of [
      'CreateTaskSet',
      'DescribeTaskSets',
      'UpdateTaskSet',
      'UpdateServicePrimaryTaskSet',
      'DeleteTaskSet',
    ]) {
      expect(service.operations.has(op)).toBe(true);
    }
  });

  it('wrap results as ECS does and require the members botocore marks required', () => {
    const created = call('CreateTaskSet', { cluster: 'c', service: 's', taskDefinition: 'web' }) as {
      taskSet: { id: string };
    };
    expect(created.taskSet.id).toMatch(/^ecs-svc\/\d{19}$/);
    const id = created.taskSet.id;
    expect(call('DescribeTaskSets', { cluster: 'c', service: 's', taskSets: [id] })).toMatchObject({
      taskSets: [{ id }],
      failures: [],
    });
    expect(
      call('UpdateTaskSet', { cluster: 'c', service: 's', taskSet: id, scale: { value: 50 } }),
    ).toMatchObject({
      taskSet: { id, computedDesiredCount: 1 },
    });
    expect(
      call('UpdateServicePrimaryTaskSet', { cluster: 'c', service: 's', primaryTaskSet: id }),
    ).toMatchObject({
      taskSet: { id, status: 'PRIMARY' },
    });
    expect(call('DeleteTaskSet', { cluster: 'c', service: 's', taskSet: id, force: true })).toMatchObject({
      taskSet: { id, status: 'DRAINING' },
    });
    expect(apiErrorOf(() => call('CreateTaskSet', { cluster: 'c', service: 's' }))).toBe(
      'InvalidParameterException: taskDefinition can not be blank.',
    );
    expect(apiErrorOf(() => call('DescribeTaskSets', { service: 's', taskSets: [id] }))).toBe(
      'InvalidParameterException: cluster can not be blank.',
    );
    expect(apiErrorOf(() => call('UpdateTaskSet', { cluster: 'c', service: 's', taskSet: id }))).toBe(
      'InvalidParameterException: scale can not be blank.',
    );
    expect(apiErrorOf(() => call('UpdateServicePrimaryTaskSet', { cluster: 'c', service: 's' }))).toBe(
      'InvalidParameterException: primaryTaskSet can not be blank.',
    );
  });
});
