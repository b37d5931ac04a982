/**
 * AWS's own documented evaluation examples, paraphrased as tables: each group names the IAM User
 * Guide page it comes from. The policies are shortened to the statements the example turns on.
 */
import { describe, expect, it } from 'vitest';

import { evaluatePolicies } from './evaluate-policies.js';
import { ACCOUNT, policyOf, requestOf, USER_ARN } from './iam-policy.test-support.js';
import type { ApplicablePolicies, PolicyDecision, PolicyRequest } from './policy-types.js';

interface Group {
  readonly page: string;
  readonly policies: ApplicablePolicies;
  readonly cases: readonly (readonly [string, PolicyRequest, PolicyDecision])[];
}

const CARLOS = `arn:aws:iam::${ACCOUNT}:user/carlossalazar`;
const asCarlos = (action: string, resource: string): PolicyRequest =>
  requestOf(action, resource, { 'aws:username': 'carlossalazar' }, { arn: CARLOS });

const groups: readonly Group[] = [
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
    // reference_policies_examples_aws_deny-requested-region.html — deny outside two Regions except
    // for global services (NotAction + StringNotEquals on aws:RequestedRegion).
    page: 'reference_policies_examples_aws_deny-requested-region',
    policies: {
      identity: [
        policyOf([
          { Effect: 'Allow', Action: '*', Resource: '*' },
          {
            Effect: 'Deny',
            NotAction: ['iam:*', 'sts:*'],
            Resource: '*',
            Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-central-1', 'eu-west-1'] } },
          },
        ]),
      ],
    },
    cases: [
      [
        'a call in eu-west-1 is allowed',
        requestOf('ecs:ListClusters', '*', { 'aws:RequestedRegion': 'eu-west-1' }),
        'Allow',
      ],
      [
        'a call in us-east-1 is denied',
        requestOf('ecs:ListClusters', '*', { 'aws:RequestedRegion': 'us-east-1' }),
        'ExplicitDeny',
      ],
      [
        'a global IAM call anywhere is allowed',
        requestOf('iam:ListUsers', '*', { 'aws:RequestedRegion': 'us-east-1' }),
        'Allow',
      ],
    ],
  },
  {
    // reference_policies_examples_aws_deny-ip.html — deny calls from outside the listed ranges
    // (NotIpAddress on aws:SourceIp) unless a service calls on the user's behalf.
    page: 'reference_policies_examples_aws_deny-ip',
    policies: {
      identity: [
        policyOf([
          { Effect: 'Allow', Action: '*', Resource: '*' },
          {
            Effect: 'Deny',
            Action: '*',
            Resource: '*',
            Condition: {
              NotIpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '203.0.113.0/24'] },
              Bool: { 'aws:ViaAWSService': 'false' },
            },
          },
        ]),
      ],
    },
    cases: [
      [
        'a call from inside a range is allowed',
        requestOf('ecs:ListClusters', '*', { 'aws:SourceIp': '203.0.113.5', 'aws:ViaAWSService': 'false' }),
        'Allow',
      ],
      [
        'a call from elsewhere is denied',
        requestOf('ecs:ListClusters', '*', { 'aws:SourceIp': '198.51.100.5', 'aws:ViaAWSService': 'false' }),
        'ExplicitDeny',
      ],
      [
        "a service calling on the user's behalf is not denied",
        requestOf('ecs:ListClusters', '*', { 'aws:SourceIp': '198.51.100.5', 'aws:ViaAWSService': 'true' }),
        'Allow',
      ],
    ],
  },
  {
    // reference_policies_examples_aws-dates.html — allow only between two dates (aws:CurrentTime).
    page: 'reference_policies_examples_aws-dates',
    policies: {
      identity: [
        policyOf([
          {
            Effect: 'Allow',
            Action: 'ecs:*',
            Resource: '*',
            Condition: {
              DateGreaterThan: { 'aws:CurrentTime': '2020-04-01T00:00:00Z' },
              DateLessThan: { 'aws:CurrentTime': '2020-06-30T23:59:59Z' },
            },
          },
        ]),
      ],
    },
    cases: [
      [
        'inside the window is allowed',
        requestOf('ecs:ListTasks', '*', { 'aws:CurrentTime': '2020-05-15T12:00:00Z' }),
        'Allow',
      ],
      [
        'after the window is implicitly denied',
        requestOf('ecs:ListTasks', '*', { 'aws:CurrentTime': '2020-07-01T00:00:00Z' }),
        'ImplicitDeny',
      ],
      ['without the time key the condition fails', requestOf('ecs:ListTasks', '*'), 'ImplicitDeny'],
    ],
  },
  {
    // reference_policies_examples_s3_home-directory-console.html and reference_policies_variables.html
    // — ${aws:username} in Resource and in an s3:prefix condition gives each user a home folder.
    page: 'reference_policies_variables',
    policies: {
      identity: [
        policyOf([
          {
            Effect: 'Allow',
            Action: 's3:ListBucket',
            Resource: 'arn:aws:s3:::home-bucket',
            Condition: { StringLike: { 's3:prefix': ['', 'home/', 'home/${aws:username}/*'] } },
          },
          {
            Effect: 'Allow',
            Action: 's3:*Object',
            Resource: 'arn:aws:s3:::home-bucket/home/${aws:username}/*',
          },
        ]),
      ],
    },
    cases: [
      [
        'alice reads in her folder',
        requestOf('s3:GetObject', 'arn:aws:s3:::home-bucket/home/alice/x', { 'aws:username': 'alice' }),
        'Allow',
      ],
      [
        "alice cannot read in bob's folder",
        requestOf('s3:GetObject', 'arn:aws:s3:::home-bucket/home/bob/x', { 'aws:username': 'alice' }),
        'ImplicitDeny',
      ],
      [
        'alice lists her own prefix',
        requestOf('s3:ListBucket', 'arn:aws:s3:::home-bucket', {
          'aws:username': 'alice',
          's3:prefix': 'home/alice/docs',
        }),
        'Allow',
      ],
      [
        "alice cannot list bob's prefix",
        requestOf('s3:ListBucket', 'arn:aws:s3:::home-bucket', {
          'aws:username': 'alice',
          's3:prefix': 'home/bob/',
        }),
        'ImplicitDeny',
      ],
      [
        'a role session without aws:username matches nothing',
        requestOf('s3:GetObject', 'arn:aws:s3:::home-bucket/home/alice/x'),
        'ImplicitDeny',
      ],
    ],
  },
  {
    // reference_policies_condition_examples-multi-valued-context-keys.html — Deny IAM tagging when
    // every requested tag key starts with key1 (ForAllValues:StringLike); ForAllValues is also true
    // when the request carries no tag keys at all.
    page: 'reference_policies_condition_examples-multi-valued-context-keys (ForAllValues deny)',
    policies: {
      identity: [
        policyOf([
          { Effect: 'Allow', Action: 'iam:*', Resource: '*' },
          {
            Effect: 'Deny',
            Action: ['iam:TagUser', 'iam:TagRole'],
            Resource: '*',
            Condition: { 'ForAllValues:StringLike': { 'aws:TagKeys': 'key1*' } },
          },
        ]),
      ],
    },
    cases: [
      [
        'all keys match key1*: denied',
        requestOf('iam:TagUser', '*', { 'aws:TagKeys': ['key1a', 'key1b'] }),
        'ExplicitDeny',
      ],
      [
        'one key outside key1*: not denied',
        requestOf('iam:TagUser', '*', { 'aws:TagKeys': ['key1a', 'key2'] }),
        'Allow',
      ],
      [
        'no tag keys in the request: ForAllValues holds, denied',
        requestOf('iam:TagUser', '*'),
        'ExplicitDeny',
      ],
    ],
  },
  {
    // Same page: adding Null "false" on the key stops a missing key from matching ForAllValues.
    page: 'reference_policies_condition_examples-multi-valued-context-keys (ForAllValues + Null)',
    policies: {
      identity: [
        policyOf([
          { Effect: 'Allow', Action: 'iam:*', Resource: '*' },
          {
            Effect: 'Deny',
            Action: 'iam:TagUser',
            Resource: '*',
            Condition: {
              'ForAllValues:StringLike': { 'aws:TagKeys': 'key1*' },
              Null: { 'aws:TagKeys': 'false' },
            },
          },
        ]),
      ],
    },
    cases: [
      ['no tag keys: allowed', requestOf('iam:TagUser', '*'), 'Allow'],
      ['only key1 keys: denied', requestOf('iam:TagUser', '*', { 'aws:TagKeys': ['key1x'] }), 'ExplicitDeny'],
    ],
  },
  {
    // reference_policies_condition-single-vs-multi-valued-context-keys.html — ForAnyValue allows when at
    // least one requested tag key is in the policy's list; a missing key makes ForAnyValue false.
    page: 'reference_policies_condition-single-vs-multi-valued-context-keys (ForAnyValue)',
    policies: {
      identity: [
        policyOf([
          {
            Effect: 'Allow',
            Action: 'ec2:CreateTags',
            Resource: '*',
            Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['environment', 'webserver'] } },
          },
        ]),
      ],
    },
    cases: [
      [
        'one matching tag key among others: allowed',
        requestOf('ec2:CreateTags', '*', { 'aws:TagKeys': ['environment', 'costcenter'] }),
        'Allow',
      ],
      [
        'no matching tag key: implicitly denied',
        requestOf('ec2:CreateTags', '*', { 'aws:TagKeys': ['costcenter'] }),
        'ImplicitDeny',
      ],
      ['no tag keys at all: implicitly denied', requestOf('ec2:CreateTags', '*'), 'ImplicitDeny'],
    ],
  },
  {
    // reference_policies_condition-single-vs-multi-valued-context-keys.html — ForAllValues allows only
    // when every requested key is in the list (and, without a Null check, when there are none).
    page: 'reference_policies_condition-single-vs-multi-valued-context-keys (ForAllValues allow)',
    policies: {
      identity: [
        policyOf([
          {
            Effect: 'Allow',
            Action: 'ec2:CreateTags',
            Resource: '*',
            Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['environment', 'webserver'] } },
          },
        ]),
      ],
    },
    cases: [
      [
        'every key in the list: allowed',
        requestOf('ec2:CreateTags', '*', { 'aws:TagKeys': ['webserver', 'environment'] }),
        'Allow',
      ],
      [
        'one key outside the list: implicitly denied',
        requestOf('ec2:CreateTags', '*', { 'aws:TagKeys': ['environment', 'costcenter'] }),
        'ImplicitDeny',
      ],
      ['no keys: allowed (vacuously true)', requestOf('ec2:CreateTags', '*'), 'Allow'],
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

describe('AWS documented evaluation examples', () => {
  for (const group of groups) {
    describe(group.page, () => {
      it.each(group.cases)('%s', (_name, request, expected) => {
        expect(evaluatePolicies(group.policies, request)).toBe(expected);
      });
    });
  }

  it('covers at least 25 documented cases', () => {
    expect(groups.flatMap((group) => group.cases).length).toBeGreaterThanOrEqual(25);
  });
});
