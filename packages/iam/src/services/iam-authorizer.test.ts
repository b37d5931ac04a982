/** The Authorizer: root, a user's inline and attached policies, explicit deny, an assumed role. */
import type { CallerIdentity } from '@berth/gateway';
import { describe, expect, it } from 'vitest';

import { ACCOUNT, document, ROOT, unitIam, type UnitIam } from '../test-support/iam.test-support.js';

const CLUSTER = `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/prod`;
const OTHER = `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/dev`;

const userIdentity = (t: UnitIam, name: string): CallerIdentity => {
  const user = t.call('CreateUser', { UserName: name })['User'] as { Arn: string; UserId: string };
  return { accountId: ACCOUNT, arn: user.Arn, userId: user.UserId, kind: 'user', name };
};

const ask = (t: UnitIam, identity: CallerIdentity, action: string, resources: string[], context = {}) =>
  t.module.authorizer.authorize({ identity, action, resources, context });

describe('iam authorizer', () => {
  it('allows the root everything', () => {
    const t = unitIam();
    expect(ask(t, ROOT, 'ecs:DeleteCluster', [CLUSTER])).toEqual({ allowed: true });
  });

  it('a user with ecs:Describe* on one cluster may describe it, not the other, and nothing else', () => {
    const t = unitIam();
    const alice = userIdentity(t, 'alice');
    expect(ask(t, alice, 'ecs:DescribeClusters', [CLUSTER])).toEqual({
      allowed: false,
      resource: CLUSTER,
      reason: 'implicit',
    });
    t.call('PutUserPolicy', {
      UserName: 'alice',
      PolicyName: 'describe-prod',
      PolicyDocument: document({ Effect: 'Allow', Action: 'ecs:Describe*', Resource: CLUSTER }),
    });
    expect(ask(t, alice, 'ecs:DescribeClusters', [CLUSTER])).toEqual({ allowed: true });
    expect(ask(t, alice, 'ECS:describeclusters', [CLUSTER])).toEqual({ allowed: true });
    expect(ask(t, alice, 'ecs:DescribeClusters', [CLUSTER, OTHER])).toEqual({
      allowed: false,
      resource: OTHER,
      reason: 'implicit',
    });
    expect(ask(t, alice, 'ecs:DeleteCluster', [CLUSTER])).toMatchObject({
      allowed: false,
      reason: 'implicit',
    });
  });

  it('an explicit Deny in any policy wins over an attached Allow', () => {
    const t = unitIam();
    const bob = userIdentity(t, 'bob');
    t.call('AttachUserPolicy', { UserName: 'bob', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
    expect(ask(t, bob, 'ecs:DeleteCluster', [CLUSTER])).toEqual({ allowed: true });
    t.call('PutUserPolicy', {
      UserName: 'bob',
      PolicyName: 'no-prod',
      PolicyDocument: document({ Effect: 'Deny', Action: 'ecs:Delete*', Resource: CLUSTER }),
    });
    expect(ask(t, bob, 'ecs:DeleteCluster', [OTHER, CLUSTER])).toEqual({
      allowed: false,
      resource: CLUSTER,
      reason: 'explicit',
    });
    expect(ask(t, bob, 'ecs:DeleteCluster', [OTHER])).toEqual({ allowed: true });
  });

  it('follows the default version of an attached customer policy', () => {
    const t = unitIam();
    const carol = userIdentity(t, 'carol');
    const arn = (
      t.call('CreatePolicy', {
        PolicyName: 'p',
        PolicyDocument: document({ Effect: 'Allow', Action: 'logs:*', Resource: '*' }),
      })['Policy'] as { Arn: string }
    ).Arn;
    t.call('AttachUserPolicy', { UserName: 'carol', PolicyArn: arn });
    expect(ask(t, carol, 'logs:PutLogEvents', ['*'])).toEqual({ allowed: true });
    t.call('CreatePolicyVersion', {
      PolicyArn: arn,
      PolicyDocument: document({ Effect: 'Allow', Action: 'ecs:*', Resource: '*' }),
      SetAsDefault: true,
    });
    expect(ask(t, carol, 'logs:PutLogEvents', ['*'])).toMatchObject({ allowed: false, reason: 'implicit' });
    expect(ask(t, carol, 'ecs:ListClusters', ['*'])).toEqual({ allowed: true });
  });

  it('fills aws:username for conditions and lets sts:GetCallerIdentity through', () => {
    const t = unitIam();
    const dave = userIdentity(t, 'dave');
    t.call('PutUserPolicy', {
      UserName: 'dave',
      PolicyName: 'own-keys',
      PolicyDocument: document({
        Effect: 'Allow',
        Action: 'iam:CreateAccessKey',
        Resource: '*',
        Condition: { StringEquals: { 'aws:username': 'dave', 'aws:PrincipalType': 'User' } },
      }),
    });
    expect(ask(t, dave, 'iam:CreateAccessKey', ['*'])).toEqual({ allowed: true });
    expect(ask(t, dave, 'iam:CreateAccessKey', ['*'], { 'aws:username': 'eve' })).toMatchObject({
      allowed: false,
    });
    expect(ask(t, dave, 'sts:GetCallerIdentity', ['*'])).toEqual({ allowed: true });
  });

  it('an assumed-role session gets its role’s inline and attached policies', () => {
    const t = unitIam();
    const trust = document({
      Effect: 'Allow',
      Principal: { Service: 'ecs-tasks.amazonaws.com' },
      Action: 'sts:AssumeRole',
    });
    const role = t.call('CreateRole', { RoleName: 'task', AssumeRolePolicyDocument: trust })['Role'] as {
      Arn: string;
      RoleId: string;
    };
    const session: CallerIdentity = {
      accountId: ACCOUNT,
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/task/s1`,
      userId: `${role.RoleId}:s1`,
      kind: 'assumed-role',
      roleArn: role.Arn,
      name: 's1',
    };
    expect(ask(t, session, 'ecr:BatchGetImage', ['*'])).toMatchObject({ allowed: false, reason: 'implicit' });
    t.call('AttachRolePolicy', {
      RoleName: 'task',
      PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
    });
    expect(ask(t, session, 'ecr:BatchGetImage', ['*'])).toEqual({ allowed: true });
    expect(ask(t, session, 'ecs:RunTask', ['*'])).toMatchObject({ allowed: false });
    t.call('PutRolePolicy', {
      RoleName: 'task',
      PolicyName: 'run',
      PolicyDocument: document({ Effect: 'Allow', Action: 'ecs:RunTask', Resource: '*' }),
    });
    // The role record's trust policy, parsed and cached first, is not taken for its identity policies.
    expect(t.module.roleByArn(role.Arn)?.trustPolicy.statements).toHaveLength(1);
    expect(ask(t, session, 'ecs:RunTask', ['*'])).toEqual({ allowed: true });
    // A user of another name holding a stale identity gets nothing.
    expect(
      ask(t, { ...session, roleArn: `arn:aws:iam::${ACCOUNT}:role/gone` }, 'ecs:RunTask', ['*']),
    ).toMatchObject({ allowed: false });
  });
});
