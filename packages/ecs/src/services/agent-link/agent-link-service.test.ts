import { describe, expect, it } from 'vitest';

import type { TaskRecord } from '../records.js';

import { toDesiredTask } from './agent-link-service.js';

const EXEC = 'arn:aws:iam::000000000000:role/ecsTaskExecutionRole';
const OVERRIDE = 'arn:aws:iam::000000000000:role/override';

const record = (
  taskDefinition: TaskRecord['taskDefinition'],
  overrides: NonNullable<TaskRecord['task']['overrides']> = {},
): TaskRecord => ({
  clusterArn: 'arn:aws:ecs:us-east-1:000000000000:cluster/default',
  task: {
    taskArn: 'arn:aws:ecs:us-east-1:000000000000:task/default/abc',
    lastStatus: 'PENDING',
    desiredStatus: 'RUNNING',
    launchType: 'FARGATE',
    overrides,
  },
  containerDefinitions: [{ name: 'web', image: 'localhost:7471/web:latest', essential: true }],
  reservation: { cpu: 0, memory: 0, ports: [], portsUdp: [] },
  networkMode: 'awsvpc',
  family: 'web',
  revision: 1,
  taskDefinition,
});

describe('toDesiredTask', () => {
  it('carries the task definition’s execution role (the agent pulls ECR images with it)', () => {
    expect(toDesiredTask(record({ executionRoleArn: EXEC })).executionRoleArn).toBe(EXEC);
  });

  it('prefers the RunTask override of the execution role', () => {
    const desired = toDesiredTask(record({ executionRoleArn: EXEC }, { executionRoleArn: OVERRIDE }));
    expect(desired.executionRoleArn).toBe(OVERRIDE);
  });

  it('has no execution role when the definition names none', () => {
    expect(toDesiredTask(record({})).executionRoleArn).toBeUndefined();
    expect('executionRoleArn' in toDesiredTask(record({}))).toBe(false);
  });
});
