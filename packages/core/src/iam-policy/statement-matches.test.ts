import { describe, expect, it } from 'vitest';

import { policyOf, requestOf } from './iam-policy.test-support.js';
import type { PolicyRequest } from './policy-types.js';
import { statementMatches, valueResolver } from './statement-matches.js';

const matches = (
  statement: Record<string, unknown>,
  request: PolicyRequest,
  version: '2012-10-17' | 'none' = '2012-10-17',
  kind: 'identity' | 'trust' = 'identity',
): boolean => {
  const document = policyOf([statement], kind, version === 'none' ? null : version);
  const parsed = document.statements[0];
  if (parsed === undefined) throw new Error('no statement');
  return statementMatches(parsed, request, valueResolver(document.version, request.context));
};

const CLUSTER = 'arn:aws:ecs:us-east-1:123456789012:cluster/prod';

describe('statementMatches', () => {
  it('matches actions case-insensitively, with wildcards, and NotAction as the complement', () => {
    const statement = { Effect: 'Allow', Action: 'ecs:Describe*', Resource: '*' };
    expect(matches(statement, requestOf('ECS:describeclusters', CLUSTER))).toBe(true);
    expect(matches(statement, requestOf('ecs:ListClusters', CLUSTER))).toBe(false);
    const not = { Effect: 'Allow', NotAction: ['ecs:Describe*', 'iam:*'], Resource: '*' };
    expect(matches(not, requestOf('ecs:ListClusters', CLUSTER))).toBe(true);
    expect(matches(not, requestOf('iam:CreateUser', CLUSTER))).toBe(false);
  });

  it('matches resources case-sensitively, and NotResource as the complement', () => {
    const statement = { Effect: 'Allow', Action: '*', Resource: 'arn:aws:ecs:*:123456789012:cluster/prod*' };
    expect(matches(statement, requestOf('ecs:RunTask', CLUSTER))).toBe(true);
    expect(matches(statement, requestOf('ecs:RunTask', `${CLUSTER}-eu`))).toBe(true);
    expect(matches(statement, requestOf('ecs:RunTask', CLUSTER.replace('prod', 'Prod')))).toBe(false);
    const not = { Effect: 'Deny', Action: '*', NotResource: CLUSTER };
    expect(matches(not, requestOf('ecs:RunTask', CLUSTER))).toBe(false);
    expect(matches(not, requestOf('ecs:RunTask', `${CLUSTER}x`))).toBe(true);
  });

  it('a * inside an ARN segment stays in it; one that ends a segment may run across colons', () => {
    const td = 'arn:aws:ecs:us-east-1:123456789012:task-definition';
    const inside = { Effect: 'Allow', Action: '*', Resource: `${td}/w*b:1` };
    expect(matches(inside, requestOf('ecs:RunTask', `${td}/w-x/b:1`))).toBe(true);
    expect(matches(inside, requestOf('ecs:RunTask', `${td}/w:2b:1`))).toBe(false);
    const ending = { Effect: 'Allow', Action: '*', Resource: `${td}/web*` };
    expect(matches(ending, requestOf('ecs:RunTask', `${td}/web:7`))).toBe(true);
  });

  it('a request for resource "*" is matched only by patterns that match the text "*"', () => {
    expect(matches({ Effect: 'Allow', Action: '*', Resource: '*' }, requestOf('ecs:ListClusters', '*'))).toBe(
      true,
    );
    expect(
      matches({ Effect: 'Allow', Action: '*', Resource: CLUSTER }, requestOf('ecs:ListClusters', '*')),
    ).toBe(false);
  });

  it('a trust statement has no Resource and matches any resource', () => {
    const statement = { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' };
    expect(
      matches(statement, requestOf('sts:AssumeRole', 'arn:aws:iam::1:role/x'), '2012-10-17', 'trust'),
    ).toBe(true);
  });

  it('an unresolvable variable: the Resource entry matches nothing, a NotResource statement does not apply', () => {
    const resource = { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b/${aws:username}/*' };
    expect(
      matches(resource, requestOf('s3:GetObject', 'arn:aws:s3:::b/alice/x', { 'aws:username': 'alice' })),
    ).toBe(true);
    expect(matches(resource, requestOf('s3:GetObject', 'arn:aws:s3:::b/alice/x'))).toBe(false);
    const not = { Effect: 'Deny', Action: '*', NotResource: 'arn:aws:s3:::b/${aws:username}/*' };
    expect(matches(not, requestOf('s3:GetObject', 'arn:aws:s3:::b/bob/x', { 'aws:username': 'alice' }))).toBe(
      true,
    );
    expect(matches(not, requestOf('s3:GetObject', 'arn:aws:s3:::b/bob/x'))).toBe(false);
  });

  it('reads ${…} literally in a document without Version 2012-10-17', () => {
    const statement = { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b/${aws:username}' };
    const context = { 'aws:username': 'alice' };
    expect(matches(statement, requestOf('s3:GetObject', 'arn:aws:s3:::b/alice', context), 'none')).toBe(
      false,
    );
    expect(
      matches(statement, requestOf('s3:GetObject', 'arn:aws:s3:::b/${aws:username}', context), 'none'),
    ).toBe(true);
  });

  it('needs every condition block to hold', () => {
    const statement = {
      Effect: 'Allow',
      Action: '*',
      Resource: '*',
      Condition: { StringEquals: { 'aws:username': 'alice' }, Bool: { 'aws:SecureTransport': 'true' } },
    };
    expect(
      matches(
        statement,
        requestOf('s3:GetObject', '*', { 'aws:username': 'alice', 'aws:SecureTransport': 'true' }),
      ),
    ).toBe(true);
    expect(matches(statement, requestOf('s3:GetObject', '*', { 'aws:username': 'alice' }))).toBe(false);
  });
});
