import { describe, expect, it } from 'vitest';

import { ecsAuthorization } from './ecs-authorization.js';

const P = { accountId: '123456789012', region: 'eu-west-1' };
const ARN = 'arn:aws:ecs:eu-west-1:123456789012';

describe('ecsAuthorization', () => {
  it('names clusters by ARN, defaulting to the default cluster', () => {
    expect(ecsAuthorization('DescribeClusters', {}, P)).toEqual({ resources: [`${ARN}:cluster/default`] });
    expect(
      ecsAuthorization('DescribeClusters', { clusters: ['a', `${ARN}:cluster/b`] }, P).resources,
    ).toEqual([`${ARN}:cluster/a`, `${ARN}:cluster/b`]);
    expect(ecsAuthorization('DeleteCluster', { cluster: 'a' }, P).resources).toEqual([`${ARN}:cluster/a`]);
  });

  it('names services, tasks and instances by their own ARN, with ecs:cluster', () => {
    expect(ecsAuthorization('DescribeServices', { cluster: 'a', services: ['web'] }, P)).toEqual({
      resources: [`${ARN}:service/a/web`],
      context: { 'ecs:cluster': `${ARN}:cluster/a` },
    });
    expect(ecsAuthorization('StopTask', { cluster: `${ARN}:cluster/a`, task: 'abc' }, P).resources).toEqual([
      `${ARN}:task/a/abc`,
    ]);
    expect(ecsAuthorization('DescribeTasks', { tasks: [`${ARN}:task/z/1`] }, P)).toEqual({
      resources: [`${ARN}:task/z/1`],
      context: { 'ecs:cluster': `${ARN}:cluster/default` },
    });
    expect(ecsAuthorization('ListTasks', { cluster: 'a' }, P).context).toEqual({
      'ecs:cluster': `${ARN}:cluster/a`,
    });
  });

  it('names the task definition a task is launched from, any revision for a bare family', () => {
    expect(ecsAuthorization('RunTask', { cluster: 'a', taskDefinition: 'web:3' }, P)).toEqual({
      resources: [`${ARN}:task-definition/web:3`],
      context: { 'ecs:cluster': `${ARN}:cluster/a` },
    });
    expect(ecsAuthorization('RunTask', { taskDefinition: 'web' }, P).resources).toEqual([
      `${ARN}:task-definition/web:*`,
    ]);
  });

  it('is * for actions without resource-level permissions and for malformed input', () => {
    expect(ecsAuthorization('ListClusters', {}, P)).toEqual({ resources: ['*'] });
    expect(ecsAuthorization('RegisterTaskDefinition', { family: 'x' }, P)).toEqual({ resources: ['*'] });
    expect(ecsAuthorization('DescribeServices', { services: 'not-a-list' }, P).resources).toEqual(['*']);
  });
});
