import { describe, expect, it } from 'vitest';

import { ApiError } from '../errors.js';
import { ACCOUNT, parseFailure } from './iam-policy.test-support.js';
import { parsePolicyDocument } from './parse-policy-document.js';
import type { PolicyKind } from './policy-types.js';

const doc = (statement: unknown, extra: Record<string, unknown> = { Version: '2012-10-17' }): string =>
  JSON.stringify({ ...extra, Statement: statement });
const allowAll = { Effect: 'Allow', Action: '*', Resource: '*' };
const trust = {
  Effect: 'Allow',
  Principal: { Service: 'ecs-tasks.amazonaws.com' },
  Action: 'sts:AssumeRole',
};

describe('parsePolicyDocument: normalising', () => {
  it('turns scalars into lists and keeps the version', () => {
    const parsed = parsePolicyDocument(doc({ Sid: 'A1', ...allowAll }), 'identity');
    expect(parsed).toEqual({
      version: '2012-10-17',
      statements: [{ sid: 'A1', effect: 'Allow', action: ['*'], resource: ['*'] }],
    });
  });

  it('reads a missing Version as 2008-10-17 and keeps Id', () => {
    const parsed = parsePolicyDocument(JSON.stringify({ Id: 'p', Statement: [allowAll] }), 'identity');
    expect(parsed.version).toBe('2008-10-17');
    expect(parsed.id).toBe('p');
  });

  it('turns condition numbers and booleans into strings, arrays into lists, and spells operators canonically', () => {
    const parsed = parsePolicyDocument(
      doc({
        ...allowAll,
        Condition: {
          numericlessthan: { 's3:max-keys': 10 },
          Bool: { 'aws:SecureTransport': true },
          'forAnyValue:StringLikeifexists': { 'aws:TagKeys': ['a*', 'b'] },
        },
      }),
      'identity',
    );
    expect(parsed.statements[0]?.condition).toEqual({
      NumericLessThan: { 's3:max-keys': ['10'] },
      Bool: { 'aws:SecureTransport': ['true'] },
      'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': ['a*', 'b'] },
    });
  });

  it('reads principals: "*", an account id as its root, services, several types', () => {
    const parsed = parsePolicyDocument(
      doc([
        { ...trust, Principal: '*' },
        {
          ...trust,
          Principal: { AWS: [ACCOUNT, `arn:aws:iam::${ACCOUNT}:role/r`], Service: 'ecs.amazonaws.com' },
        },
      ]),
      'trust',
    );
    expect(parsed.statements[0]?.principal).toBe('*');
    expect(parsed.statements[1]?.principal).toEqual({
      AWS: [`arn:aws:iam::${ACCOUNT}:root`, `arn:aws:iam::${ACCOUNT}:role/r`],
      Service: ['ecs.amazonaws.com'],
    });
  });

  it('accepts a resource policy with Principal and Resource, NotAction and NotResource', () => {
    const parsed = parsePolicyDocument(
      doc({
        Effect: 'Deny',
        NotPrincipal: { AWS: ACCOUNT },
        NotAction: 's3:Get*',
        NotResource: 'arn:aws:s3:::b/*',
      }),
      'resource',
    );
    expect(parsed.statements[0]).toMatchObject({ notAction: ['s3:Get*'], notResource: ['arn:aws:s3:::b/*'] });
  });

  it('accepts what IAM accepts: odd action names, unprefixed condition keys, empty and unknown empty blocks', () => {
    const parsed = parsePolicyDocument(
      doc({
        Effect: 'Allow',
        Action: ['iam: odd name ', 's3-x:Get', 's3.x:Get'],
        Resource: ['arn:aws-cn:s3:::b', 'arn:*:iam::*:role/x'],
        Condition: { StringEquals: { username: 'a' }, DateGreaterThan: {}, x: {} },
      }),
      'identity',
    );
    expect(parsed.statements[0]?.condition).toEqual({ StringEquals: { username: ['a'] } });
  });

  it('throws an ApiError with status 400', () => {
    try {
      parsePolicyDocument('{', 'identity');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).httpStatus).toBe(400);
    }
  });
});

describe('parsePolicyDocument: AWS error messages', () => {
  // Messages and their precedence as IAM reports them (several observed by moto's IAM policy tests).
  const noAction = { Effect: 'Allow', Resource: '*' };
  const cases: [string, string, PolicyKind, string][] = [
    ['bad JSON', '{"Version": ', 'identity', 'Syntax errors in policy.'],
    ['a JSON array', '[]', 'identity', 'Syntax errors in policy.'],
    [
      'an unknown top-level member',
      JSON.stringify({ Version: '2012-10-17', Statement: [allowAll], Foo: 1 }),
      'identity',
      'Syntax errors in policy.',
    ],
    ['an unknown Version', doc(allowAll, { Version: '2013-10-17' }), 'identity', 'Syntax errors in policy.'],
    ['a non-string Version', doc(allowAll, { Version: 2012 }), 'identity', 'Syntax errors in policy.'],
    [
      'an Id that is not a string',
      doc(allowAll, { Version: '2012-10-17', Id: {} }),
      'identity',
      'Syntax errors in policy.',
    ],
    ['no Statement', JSON.stringify({ Version: '2012-10-17' }), 'identity', 'Syntax errors in policy.'],
    ['an empty Statement', doc([]), 'identity', 'Syntax errors in policy.'],
    ['a statement that is not an object', doc(['x']), 'identity', 'Syntax errors in policy.'],
    [
      'an unknown statement member',
      doc({ ...allowAll, Actions: 'x:y' }),
      'identity',
      'Syntax errors in policy.',
    ],
    ['no Effect (identity)', doc({ Action: '*', Resource: '*' }), 'identity', 'Syntax errors in policy.'],
    [
      'no Effect (trust)',
      doc({ Principal: '*', Action: 'sts:AssumeRole' }),
      'trust',
      'Missing required field Effect',
    ],
    [
      'an Effect in another case',
      doc({ ...allowAll, Effect: 'denY' }),
      'identity',
      'The policy failed legacy parsing',
    ],
    [
      'an Effect that is neither',
      doc({ ...allowAll, Effect: 'invalid' }),
      'identity',
      'Syntax errors in policy.',
    ],
    [
      'a bad Effect before missing actions',
      doc({ Effect: 'allow', Resource: '*' }),
      'identity',
      'The policy failed legacy parsing',
    ],
    ['no Action', doc(noAction), 'identity', 'Policy statement must contain actions.'],
    [
      'an empty Action',
      doc({ ...allowAll, Action: [] }),
      'identity',
      'Policy statement must contain actions.',
    ],
    [
      'missing actions in an earlier statement',
      doc([{ Effect: 'Deny' }, allowAll]),
      'identity',
      'Policy statement must contain actions.',
    ],
    ['Action and NotAction', doc({ ...allowAll, NotAction: 'x:y' }), 'identity', 'Syntax errors in policy.'],
    [
      'an action with no vendor',
      doc({ ...allowAll, Action: 'RunTask' }),
      'identity',
      'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
    ],
    [
      'an empty NotAction string',
      doc({ ...noAction, NotAction: '' }),
      'identity',
      'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
    ],
    [
      'a vendor with a space',
      doc({ ...allowAll, Action: 'a a:ListBucket' }),
      'identity',
      'Vendor a a is not valid',
    ],
    [
      'an action with two colons',
      doc({ ...allowAll, Action: 's3:List:Bucket' }),
      'identity',
      'Actions/Condition can contain only one colon.',
    ],
    ['a non-string action', doc({ ...allowAll, Action: [1] }), 'identity', 'Syntax errors in policy.'],
    ['an Action that is an object', doc({ ...allowAll, Action: {} }), 'identity', 'Syntax errors in policy.'],
    [
      'no Resource (identity)',
      doc({ Effect: 'Allow', Action: '*' }),
      'identity',
      'Policy statement must contain resources.',
    ],
    [
      'an empty Resource',
      doc({ ...allowAll, Resource: [] }),
      'identity',
      'Policy statement must contain resources.',
    ],
    [
      'missing resources before a bad action',
      doc({ Effect: 'Allow', Action: 'invalid' }),
      'identity',
      'Policy statement must contain resources.',
    ],
    [
      'Resource and NotResource',
      doc({ ...allowAll, NotResource: '*' }),
      'identity',
      'Syntax errors in policy.',
    ],
    [
      'a resource that is not an ARN',
      doc({ ...allowAll, Resource: 'bucket' }),
      'identity',
      'Resource bucket must be in ARN format or "*".',
    ],
    [
      'an empty resource',
      doc({ ...allowAll, Resource: '' }),
      'identity',
      'Resource  must be in ARN format or "*".',
    ],
    [
      'an ARN with five parts',
      doc({ ...allowAll, Resource: 'arn:aws:s3::b' }),
      'identity',
      'The policy failed legacy parsing',
    ],
    [
      'an ARN without a service',
      doc({ ...allowAll, Resource: 'arn:aws::::b' }),
      'identity',
      'The policy failed legacy parsing',
    ],
    [
      'an ARN that stops after the partition',
      doc({ ...allowAll, Resource: 'arn:aws' }),
      'identity',
      'Resource vendor must be fully qualified and cannot contain regexes.',
    ],
    [
      'an unknown partition',
      doc({ ...allowAll, Resource: 'arn:error:s3:::b' }),
      'identity',
      'Partition "error" is not valid for resource "arn:error:s3:::b".',
    ],
    [
      'a Principal in an identity policy',
      doc({ ...allowAll, Principal: '*' }),
      'identity',
      'Has prohibited field Principal',
    ],
    [
      'a NotPrincipal in an identity policy',
      doc({ ...allowAll, NotPrincipal: '*' }),
      'identity',
      'Has prohibited field NotPrincipal',
    ],
    [
      'a trust policy without Principal',
      doc({ Effect: 'Allow', Action: 'sts:AssumeRole' }),
      'trust',
      'Missing required field Principal',
    ],
    ['a resource policy without Principal', doc(allowAll), 'resource', 'Missing required field Principal'],
    [
      'a trust policy with Resource',
      doc({ ...trust, Resource: '*' }),
      'trust',
      'Has prohibited field Resource',
    ],
    [
      'an AWS principal that is no ARN',
      doc({ ...trust, Principal: { AWS: 'alice' } }),
      'trust',
      'Invalid principal in policy: "AWS":"alice"',
    ],
    [
      'an AWS principal with a partial wildcard',
      doc({ ...trust, Principal: { AWS: 'arn:aws:iam::123456789012:role/*' } }),
      'trust',
      'Invalid principal in policy: "AWS":"arn:aws:iam::123456789012:role/*"',
    ],
    [
      'an unknown principal type',
      doc({ ...trust, Principal: { Robot: 'x' } }),
      'trust',
      'Invalid principal in policy: "Robot":"x"',
    ],
    [
      'a principal that is neither * nor an object',
      doc({ ...trust, Principal: 'arn:aws:iam::1:root' }),
      'trust',
      'Invalid principal in policy: "arn:aws:iam::1:root"',
    ],
    [
      'an unknown condition operator',
      doc({ ...allowAll, Condition: { StringEqualz: { 'aws:username': 'a' } } }),
      'identity',
      'Syntax errors in policy.',
    ],
    [
      'an unknown set qualifier',
      doc({ ...allowAll, Condition: { 'ForSomeValues:StringEquals': { 'aws:TagKeys': 'a' } } }),
      'identity',
      'Syntax errors in policy.',
    ],
    [
      'a doubled colon after the qualifier',
      doc({ ...allowAll, Condition: { 'ForAnyValue::StringEquals': { 'aws:TagKeys': 'a' } } }),
      'identity',
      'Syntax errors in policy.',
    ],
    [
      'NullIfExists',
      doc({ ...allowAll, Condition: { NullIfExists: { 'aws:TagKeys': 'true' } } }),
      'identity',
      'Syntax errors in policy.',
    ],
    [
      'a Condition that is a list',
      doc({ ...allowAll, Condition: [] }),
      'identity',
      'Syntax errors in policy.',
    ],
    [
      'a condition block that is a string',
      doc({ ...allowAll, Condition: { StringEquals: 'b' } }),
      'identity',
      'Syntax errors in policy.',
    ],
    [
      'a condition value that is an object',
      doc({ ...allowAll, Condition: { StringEquals: { 'aws:username': { a: 1 } } } }),
      'identity',
      'Syntax errors in policy.',
    ],
    [
      'a condition value that is null',
      doc({ ...allowAll, Condition: { StringEquals: { 'aws:username': null } } }),
      'identity',
      'Syntax errors in policy.',
    ],
    ['a Sid that is not a string', doc({ ...allowAll, Sid: [] }), 'identity', 'Syntax errors in policy.'],
    [
      'a Sid that is not alphanumeric',
      doc({ ...allowAll, Sid: 'a b' }),
      'identity',
      'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
    ],
    [
      'duplicate Sids',
      doc([
        { ...allowAll, Sid: 'A' },
        { ...allowAll, Sid: 'A' },
      ]),
      'identity',
      'Statement IDs (SID) in a single policy must be unique.',
    ],
    [
      'duplicate Sids before a later statement missing actions',
      doc([
        { ...allowAll, Sid: 'A' },
        { Sid: 'A', Effect: 'Allow' },
      ]),
      'identity',
      'Statement IDs (SID) in a single policy must be unique.',
    ],
  ];

  it.each(cases)('%s', (_name, text, kind, message) => {
    expect(parseFailure(text, kind)).toEqual({ code: 'MalformedPolicyDocument', message });
  });

  it('refuses a document without Version 2012-10-17 when asked to, before anything else', () => {
    for (const text of [
      JSON.stringify({ Statement: [{ Effect: 'denY' }] }),
      doc(allowAll, { Version: '2008-10-17' }),
    ]) {
      expect(() => parsePolicyDocument(text, 'identity', { requireCurrentVersion: true })).toThrow(
        'Policy document must be version 2012-10-17 or greater.',
      );
    }
    expect(() =>
      parsePolicyDocument(doc(allowAll), 'identity', { requireCurrentVersion: true }),
    ).not.toThrow();
  });
});
