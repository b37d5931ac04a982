/**
 * AWS's documented condition examples (Region, source IP, dates, policy variables, multivalued
 * context keys with ForAllValues / ForAnyValue), paraphrased as tables; each group names the IAM
 * User Guide page it comes from.
 */
import { expect, it } from 'vitest';

import {
  caseCount,
  runDocumentedExamples,
  type DocumentedExample,
} from './documented-examples.test-support.js';
import { policyOf, requestOf } from './iam-policy.test-support.js';

const CONDITION_EXAMPLES: readonly DocumentedExample[] = [
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
];

runDocumentedExamples('AWS documented condition examples', CONDITION_EXAMPLES);

it('has at least twenty condition cases', () => {
  expect(caseCount(CONDITION_EXAMPLES)).toBeGreaterThanOrEqual(20);
});
