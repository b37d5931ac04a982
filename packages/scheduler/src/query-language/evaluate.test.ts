import { describe, expect, it } from 'vitest';

import { matchesExpression } from './matches-expression.js';
import { parseQueryDate } from './parse-query-date.js';
import type { QueryableInstance } from './queryable-instance.js';

const instance = (overrides: Partial<QueryableInstance> = {}): QueryableInstance => ({
  arn: 'arn:aws:ecs:us-east-1:123456789012:container-instance/default/abc',
  ec2InstanceId: 'i-abcd1234',
  agentConnected: true,
  agentVersion: '1.14.5',
  registeredAt: parseQueryDate('2017-06-01T00:00:00Z')!,
  runningTasksCount: 1,
  attributes: {
    'ecs.instance-type': 't2.small',
    'ecs.availability-zone': 'us-east-1a',
    'ecs.capability.task-eni': undefined,
    cores: '8',
  },
  taskGroups: { 'service:production': 1, 'family:web': 0 },
  ...overrides,
});

const matches = (text: string, overrides: Partial<QueryableInstance> = {}): boolean =>
  matchesExpression(text, instance(overrides));

describe('documented examples', () => {
  it('string equality', () => {
    expect(matches('attribute:ecs.instance-type == t2.small')).toBe(true);
    expect(matches('attribute:ecs.instance-type == t2.medium')).toBe(false);
  });

  it('argument list', () => {
    expect(matches('attribute:ecs.availability-zone in [us-east-1a, us-east-1b]')).toBe(true);
    expect(matches('attribute:ecs.availability-zone in [us-east-1c, us-east-1b]')).toBe(false);
  });

  it('compound expression', () => {
    const text = 'attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d';
    expect(
      matches(text, { attributes: { 'ecs.instance-type': 'g2.2xlarge', 'ecs.availability-zone': 'a' } }),
    ).toBe(true);
    expect(matches(text)).toBe(false);
    expect(
      matches(text, {
        attributes: { 'ecs.instance-type': 'g2.2xlarge', 'ecs.availability-zone': 'us-east-1d' },
      }),
    ).toBe(false);
  });

  it('task affinity and anti-affinity', () => {
    expect(matches('task:group == service:production')).toBe(true);
    expect(matches('not(task:group == database)')).toBe(true);
    expect(matches('not(task:group == database)', { taskGroups: { database: 2 } })).toBe(false);
    expect(matches('task:group == family:web')).toBe(false);
  });

  it('running task count', () => {
    expect(matches('runningTasksCount == 1')).toBe(true);
    expect(matches('runningTasksCount == 1', { runningTasksCount: 2 })).toBe(false);
  });

  it('agent version', () => {
    expect(matches('agentVersion < 1.14.5')).toBe(false);
    expect(matches('agentVersion < 1.14.5', { agentVersion: '1.9.0' })).toBe(true);
    expect(matches('agentVersion >= 1.14.5')).toBe(true);
  });

  it('registration time', () => {
    expect(matches('registeredAt < 2018-02-13')).toBe(true);
    expect(matches('registeredAt < 2016-12-31')).toBe(false);
  });

  it('instance ids', () => {
    expect(matches("ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']")).toBe(true);
    expect(matches("ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']", { ec2InstanceId: 'i-0000' })).toBe(false);
  });

  it('agent connection', () => {
    expect(matches('agentConnected == false')).toBe(false);
    expect(matches('agentConnected == false', { agentConnected: false })).toBe(true);
    expect(matches('agentConnected != TRUE', { agentConnected: false })).toBe(true);
  });
});

describe('operators', () => {
  it('equals and not_equals, in both spellings', () => {
    expect(matches('attribute:cores equals 8')).toBe(true);
    expect(matches('attribute:cores not_equals 8')).toBe(false);
    expect(matches('attribute:cores != 9')).toBe(true);
  });

  it('orderings on attributes compare numbers naturally', () => {
    expect(matches('attribute:cores > 10')).toBe(false);
    expect(matches('attribute:cores < 10')).toBe(true);
    expect(matches('attribute:cores >= 8')).toBe(true);
    expect(matches('attribute:cores <= 7')).toBe(false);
    expect(matches('attribute:cores greater_than 7 && attribute:cores less_than_equal 8')).toBe(true);
    expect(matches('runningTasksCount greater_than_equal 1 and runningTasksCount less_than 2')).toBe(true);
  });

  it('exists and !exists, including attributes without a value', () => {
    expect(matches('attribute:ecs.capability.task-eni exists')).toBe(true);
    expect(matches('attribute:missing exists')).toBe(false);
    expect(matches('attribute:missing !exists')).toBe(true);
    expect(matches('attribute:missing not_exists')).toBe(true);
    expect(matches('attribute:ecs.capability.task-eni not_exists')).toBe(false);
    expect(matches('task:group exists')).toBe(true);
    expect(matches('task:group exists', { taskGroups: { idle: 0 } })).toBe(false);
  });

  it('an attribute without a value equals nothing but differs from everything', () => {
    expect(matches('attribute:ecs.capability.task-eni == ""')).toBe(false);
    expect(matches('attribute:ecs.capability.task-eni != x')).toBe(true);
  });

  it('negated comparisons need the attribute to exist', () => {
    expect(matches('attribute:missing != prod')).toBe(false);
    expect(matches('attribute:missing !in [a]')).toBe(false);
    expect(matches('attribute:missing !~ a.*')).toBe(false);
    expect(matches('not(attribute:missing == prod)')).toBe(true);
  });

  it('in, !in and not_in', () => {
    expect(matches('attribute:ecs.instance-type !in [t2.small, t2.medium]')).toBe(false);
    expect(matches('attribute:ecs.instance-type not_in [m5.large]')).toBe(true);
    expect(matches('task:group in [database, service:production]')).toBe(true);
    expect(matches('task:group not_in [database]')).toBe(true);
    expect(matches('runningTasksCount == 1', { runningTasksCount: 1 })).toBe(true);
  });

  it('matches and not_matches match the whole value', () => {
    expect(matches('attribute:ecs.instance-type =~ t2.*')).toBe(true);
    expect(matches('attribute:ecs.instance-type matches t2')).toBe(false);
    expect(matches('attribute:ecs.instance-type =~ (t2|m4)\\.small')).toBe(true);
    expect(matches("attribute:ecs.instance-type =~ '^t2\\.(small|medium)$'")).toBe(true);
    expect(matches('attribute:ecs.instance-type !~ m4.*')).toBe(true);
    expect(matches('attribute:ecs.instance-type not_matches t2.*')).toBe(false);
    expect(matches('ec2InstanceId =~ i-ab.*')).toBe(true);
    expect(matches('task:group =~ service:.*')).toBe(true);
    expect(matches('task:group !~ service:.*')).toBe(false);
  });

  it('task:group negations hold when no group matches', () => {
    expect(matches('task:group != database')).toBe(true);
    expect(matches('task:group != service:production')).toBe(false);
    expect(matches('task:group != database', { taskGroups: {} })).toBe(true);
  });

  it('registeredAt accepts every documented date format', () => {
    const at = parseQueryDate('2018-06-18T22:28:28Z')!;
    for (const date of ['2018-06-18T22:28:28+00:00', '2018-06-18T22:28:28Z', '2018-06-18T22:28:28']) {
      expect(matches(`registeredAt == ${date}`, { registeredAt: at })).toBe(true);
    }
    expect(matches('registeredAt > 2018-06-18', { registeredAt: at })).toBe(true);
    expect(matches('registeredAt == 2018-06-18T23:28:28+01:00', { registeredAt: at })).toBe(true);
    expect(matches('registeredAt != 2018-06-18', { registeredAt: at })).toBe(true);
  });

  it('does not read inherited properties as attributes or groups', () => {
    expect(matches('attribute:constructor exists')).toBe(false);
    expect(matches('task:group == constructor')).toBe(false);
    expect(matches('attribute:toString != x')).toBe(false);
  });
});

describe('boolean structure', () => {
  it('! binds tighter than &&, which binds tighter than ||', () => {
    // true || (false && false) → true; (true || false) && false would be false.
    expect(matches('runningTasksCount == 1 || runningTasksCount == 5 && runningTasksCount == 6')).toBe(true);
    // (!true) && false → false; !(true && false) would be true.
    expect(matches('!runningTasksCount == 1 && runningTasksCount == 6')).toBe(false);
    // (!false) || true
    expect(matches('not runningTasksCount == 2 or runningTasksCount == 1')).toBe(true);
  });

  it('parentheses override precedence', () => {
    expect(matches('(runningTasksCount == 1 || runningTasksCount == 5) && runningTasksCount == 6')).toBe(
      false,
    );
    expect(matches('!(runningTasksCount == 1 && runningTasksCount == 6)')).toBe(true);
    expect(matches('((task:group == database)) or (attribute:cores == 8)')).toBe(true);
  });

  it('keywords are case-insensitive and spaces optional around symbols', () => {
    expect(matches('NOT(task:group == database) AND runningTasksCount==1')).toBe(true);
    expect(matches('attribute:cores==8&&runningTasksCount==1')).toBe(true);
    expect(matches('!!(runningTasksCount == 1)')).toBe(true);
  });
});
