import { describe, expect, it } from 'vitest';

import { evaluatePolicies } from './evaluate-policies.js';
import { ACCOUNT, policyOf, requestOf, USER_ARN } from './iam-policy.test-support.js';

const cluster = (name: string): string => `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/${name}`;

describe('evaluatePolicies', () => {
  it("issue 15's read-only user: Describe*/List* on one cluster, nothing else", () => {
    const policies = {
      identity: [
        policyOf([{ Effect: 'Allow', Action: ['ecs:Describe*', 'ecs:List*'], Resource: cluster('prod') }]),
      ],
    };
    expect(evaluatePolicies(policies, requestOf('ecs:DescribeClusters', cluster('prod')))).toBe('Allow');
    expect(evaluatePolicies(policies, requestOf('ecs:ListServices', cluster('prod')))).toBe('Allow');
    expect(evaluatePolicies(policies, requestOf('ecs:RunTask', cluster('prod')))).toBe('ImplicitDeny');
    expect(evaluatePolicies(policies, requestOf('ecs:DescribeClusters', cluster('dev')))).toBe(
      'ImplicitDeny',
    );
    expect(evaluatePolicies(policies, requestOf('ecs:DescribeClusters', cluster('prod-2')))).toBe(
      'ImplicitDeny',
    );
  });

  it('resource-policy statements apply only to the principals they name', () => {
    const resource = policyOf(
      [
        {
          Effect: 'Deny',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/bob` },
          Action: '*',
          Resource: '*',
        },
        { Effect: 'Allow', Principal: { AWS: USER_ARN }, Action: 'secretsmanager:*', Resource: '*' },
      ],
      'resource',
    );
    expect(
      evaluatePolicies({ identity: [], resource }, requestOf('secretsmanager:GetSecretValue', '*')),
    ).toBe('Allow');
    const asBob = requestOf(
      'secretsmanager:GetSecretValue',
      '*',
      {},
      { arn: `arn:aws:iam::${ACCOUNT}:user/bob` },
    );
    const bobAllowed = { identity: [policyOf([{ Effect: 'Allow', Action: '*', Resource: '*' }])], resource };
    expect(evaluatePolicies(bobAllowed, asBob)).toBe('ExplicitDeny');
  });

  it('NotPrincipal names everyone but the listed principals', () => {
    const resource = policyOf(
      [{ Effect: 'Deny', NotPrincipal: { AWS: USER_ARN }, Action: '*', Resource: '*' }],
      'resource',
    );
    const admin = { identity: [policyOf([{ Effect: 'Allow', Action: '*', Resource: '*' }])], resource };
    expect(evaluatePolicies(admin, requestOf('ssm:GetParameter', '*'))).toBe('Allow');
    const other = requestOf('ssm:GetParameter', '*', {}, { arn: `arn:aws:iam::${ACCOUNT}:user/eve` });
    expect(evaluatePolicies(admin, other)).toBe('ExplicitDeny');
  });

  it('a trust policy lets a role session assume by its role ARN and the task service by name', () => {
    const trust = policyOf(
      [
        { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/ci` }, Action: 'sts:AssumeRole' },
        { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ],
      'trust',
    );
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/target`;
    const session = requestOf(
      'sts:AssumeRole',
      roleArn,
      {},
      {
        arn: `arn:aws:sts::${ACCOUNT}:assumed-role/ci/build-7`,
        roleArn: `arn:aws:iam::${ACCOUNT}:role/ci`,
      },
    );
    expect(evaluatePolicies({ identity: [], resource: trust }, session)).toBe('Allow');
    expect(evaluatePolicies({ identity: [], resource: trust }, requestOf('sts:AssumeRole', roleArn))).toBe(
      'ImplicitDeny',
    );
    expect(
      evaluatePolicies(
        { identity: [], resource: trust },
        requestOf('sts:TagSession', roleArn, {}, session.principal),
      ),
    ).toBe('ImplicitDeny');
  });
});
