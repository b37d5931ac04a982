/**
 * AWS's documented evaluation examples (evaluation logic, NotAction, NotResource, Principal),
 * paraphrased as tables; each group names the IAM User Guide page it comes from. The policies are
 * shortened to the statements the example turns on. Condition examples live in
 * aws-documented-condition-examples.test.ts.
 */
import { expect, it } from 'vitest';

import {
  caseCount,
  runDocumentedExamples,
  type DocumentedExample,
} from './documented-examples.test-support.js';
import { ACCOUNT, policyOf, requestOf, USER_ARN } from './iam-policy.test-support.js';
import type { PolicyRequest } from './policy-types.js';

const CARLOS = `arn:aws:iam::${ACCOUNT}:user/carlossalazar`;
const asCarlos = (action: string, resource: string): PolicyRequest =>
  requestOf(action, resource, { 'aws:username': 'carlossalazar' }, { arn: CARLOS });

const EVALUATION_EXAMPLES: readonly DocumentedExample[] = [
  {
    // reference_policies_evaluation-logic_policy-eval-basics.html — "Example identity-based and
    // resource-based policy evaluation": Carlos may list buckets and use his own bucket; a Deny for
    // any bucket named *log* beats the bucket policy that lets him write to his -logs bucket.
    page: 'reference_policies_evaluation-logic_policy-eval-basics',
    policies: {
      identity: [
        policyOf([
          {
            Sid: 'AllowS3ListRead',
            Effect: 'Allow',
            Action: ['s3:GetBucketLocation', 's3:ListAllMyBuckets'],
            Resource: 'arn:aws:s3:::*',
          },
          {
            Sid: 'AllowS3Self',
            Effect: 'Allow',
            Action: 's3:*',
            Resource: ['arn:aws:s3:::carlossalazar/*', 'arn:aws:s3:::carlossalazar'],
          },
          { Sid: 'DenyS3Logs', Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::*log*' },
        ]),
      ],
      resource: policyOf(
        [
          {
            Effect: 'Allow',
            Principal: { AWS: CARLOS },
            Action: 's3:*',
            Resource: 'arn:aws:s3:::carlossalazar-logs/*',
          },
        ],
        'resource',
      ),
    },
    cases: [
      [
        'writing to his -logs bucket: the identity Deny wins over the bucket policy',
        asCarlos('s3:PutObject', 'arn:aws:s3:::carlossalazar-logs/f'),
        'ExplicitDeny',
      ],
      ['listing buckets is allowed', asCarlos('s3:ListAllMyBuckets', 'arn:aws:s3:::*'), 'Allow'],
      [
        'objects in his own bucket are allowed',
        asCarlos('s3:GetObject', 'arn:aws:s3:::carlossalazar/a/b'),
        'Allow',
      ],
      [
        'another bucket is implicitly denied',
        asCarlos('s3:GetObject', 'arn:aws:s3:::someone-else/a'),
        'ImplicitDeny',
      ],
    ],
  },
  {
    // reference_policies_evaluation-logic.html — an Allow in either the identity policy or the
    // same-account resource policy is enough; the resource policy only speaks for principals it names.
    page: 'reference_policies_evaluation-logic',
    policies: {
      identity: [],
      resource: policyOf(
        [
          {
            Effect: 'Allow',
            Principal: { AWS: USER_ARN },
            Action: 'secretsmanager:GetSecretValue',
            Resource: '*',
          },
        ],
        'resource',
      ),
    },
    cases: [
      [
        'the named user is allowed by the resource policy alone',
        requestOf('secretsmanager:GetSecretValue', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:s'),
        'Allow',
      ],
      [
        'another user gets nothing from it',
        requestOf(
          'secretsmanager:GetSecretValue',
          'arn:aws:secretsmanager:us-east-1:123456789012:secret:s',
          {},
          { arn: `arn:aws:iam::${ACCOUNT}:user/bob` },
        ),
        'ImplicitDeny',
      ],
      ['another action is implicitly denied', requestOf('secretsmanager:DeleteSecret', '*'), 'ImplicitDeny'],
    ],
  },
  {
    // reference_policies_elements_notaction.html — Allow with NotAction grants everything except the
    // listed actions; Deny with NotAction denies everything else (here: unless MFA was used).
    page: 'reference_policies_elements_notaction',
    policies: {
      identity: [
        policyOf([{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }]),
        policyOf([
          {
            Effect: 'Deny',
            NotAction: ['iam:*', 'sts:GetCallerIdentity'],
            Resource: '*',
            Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
          },
        ]),
      ],
    },
    cases: [
      [
        'an ECS call with MFA is allowed',
        requestOf('ecs:RunTask', '*', { 'aws:MultiFactorAuthPresent': 'true' }),
        'Allow',
      ],
      [
        'an ECS call without MFA is denied',
        requestOf('ecs:RunTask', '*', { 'aws:MultiFactorAuthPresent': 'false' }),
        'ExplicitDeny',
      ],
      [
        'a call whose MFA key is missing (long-term keys) is denied by BoolIfExists',
        requestOf('ecs:RunTask', '*'),
        'ExplicitDeny',
      ],
      [
        'IAM actions are not allowed by the NotAction Allow',
        requestOf('iam:CreateUser', '*', { 'aws:MultiFactorAuthPresent': 'true' }),
        'ImplicitDeny',
      ],
      [
        'action names compare case-insensitively',
        requestOf('IAM:createuser', '*', { 'aws:MultiFactorAuthPresent': 'true' }),
        'ImplicitDeny',
      ],
    ],
  },
  {
    // reference_policies_elements_notresource.html — Deny with NotResource denies every resource but
    // the one listed, so a broad Allow reaches only that resource.
    page: 'reference_policies_elements_notresource',
    policies: {
      identity: [
        policyOf([
          { Effect: 'Allow', Action: 's3:*', Resource: '*' },
          {
            Effect: 'Deny',
            Action: 's3:*',
            NotResource: ['arn:aws:s3:::hr-bucket', 'arn:aws:s3:::hr-bucket/*'],
          },
        ]),
      ],
    },
    cases: [
      [
        'objects in the listed bucket are allowed',
        requestOf('s3:GetObject', 'arn:aws:s3:::hr-bucket/payroll.csv'),
        'Allow',
      ],
      [
        'any other bucket is denied',
        requestOf('s3:GetObject', 'arn:aws:s3:::other/payroll.csv'),
        'ExplicitDeny',
      ],
      [
        'resource ARNs compare case-sensitively',
        requestOf('s3:GetObject', 'arn:aws:s3:::HR-bucket/x'),
        'ExplicitDeny',
      ],
    ],
  },
  {
    // reference_policies_elements_principal.html and id_roles_create_for-service.html — a trust policy
    // names who may assume the role: a service, an account (its root stands for the account), a role.
    page: 'reference_policies_elements_principal',
    policies: {
      identity: [],
      resource: policyOf(
        [
          { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' },
          {
            Effect: 'Allow',
            Principal: { AWS: ACCOUNT },
            Action: 'sts:AssumeRole',
            Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
          },
        ],
        'trust',
      ),
    },
    cases: [
      [
        'the ECS tasks service may assume it',
        requestOf(
          'sts:AssumeRole',
          `arn:aws:iam::${ACCOUNT}:role/task`,
          {},
          { arn: 'ecs-tasks.amazonaws.com', service: 'ecs-tasks.amazonaws.com' },
        ),
        'Allow',
      ],
      [
        'another service may not',
        requestOf(
          'sts:AssumeRole',
          `arn:aws:iam::${ACCOUNT}:role/task`,
          {},
          { arn: 'lambda.amazonaws.com', service: 'lambda.amazonaws.com' },
        ),
        'ImplicitDeny',
      ],
      [
        'a user of the account with MFA matches the account (its id means its root)',
        requestOf('sts:AssumeRole', `arn:aws:iam::${ACCOUNT}:role/task`, {
          'aws:MultiFactorAuthPresent': 'true',
        }),
        'Allow',
      ],
      [
        'without MFA it may not',
        requestOf('sts:AssumeRole', `arn:aws:iam::${ACCOUNT}:role/task`),
        'ImplicitDeny',
      ],
      [
        'a user of another account may not',
        requestOf(
          'sts:AssumeRole',
          `arn:aws:iam::${ACCOUNT}:role/task`,
          { 'aws:MultiFactorAuthPresent': 'true' },
          { arn: 'arn:aws:iam::999999999999:user/x', accountId: '999999999999' },
        ),
        'ImplicitDeny',
      ],
    ],
  },
];

runDocumentedExamples('AWS documented evaluation examples', EVALUATION_EXAMPLES);

it('has at least a dozen evaluation-logic cases', () => {
  expect(caseCount(EVALUATION_EXAMPLES)).toBeGreaterThanOrEqual(12);
});
