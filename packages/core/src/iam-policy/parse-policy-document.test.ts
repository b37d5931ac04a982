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
  const cases: [string, string, PolicyKind, string][] = [
    ['bad JSON', '{"Version": ', 'identity', 'Syntax errors in policy.'],
    ['a JSON array', '[]', 'identity', 'Syntax errors in policy.'],
    [
      'an unknown top-level member',
      JSON.stringify({ Version: '2012-10-17', Statement: [allowAll], Foo: 1 }),
      'identity',
      'Syntax errors in policy.',
    ],
    [
      'an unknown Version',
      doc(allowAll, { Version: '2010-01-01' }),
      'identity',
      'The policy failed legacy parsing',
    ],
    ['a non-string Version', doc(allowAll, { Version: 2012 }), 'identity', 'Syntax errors in policy.'],
    ['no Statement', JSON.stringify({ Version: '2012-10-17' }), 'identity', 'Syntax errors in policy.'],
    ['an empty Statement', doc([]), 'identity', 'Syntax errors in policy.'],
    ['a statement that is not an object', doc(['x']), 'identity', 'Syntax errors in policy.'],
    [
      'an unknown statement member',
      doc({ ...allowAll, Actions: 'x:y' }),
      'identity',
      'Syntax errors in policy.',
    ],
    ['no Effect', doc({ Action: '*', Resource: '*' }), 'identity', 'Missing required field Effect'],
    ['a bad Effect', doc({ ...allowAll, Effect: 'allow' }), 'identity', 'Invalid effect: "allow"'],
    [
      'no Action',
      doc({ Effect: 'Allow', Resource: '*' }),
      'identity',
      'Policy statement must contain actions.',
    ],
    [
      'an empty Action',
      doc({ ...allowAll, Action: [] }),
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
    ['a non-string action', doc({ ...allowAll, Action: [1] }), 'identity', 'Syntax errors in policy.'],
    [
      'no Resource (identity)',
      doc({ Effect: 'Allow', Action: '*' }),
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
      'Invalid Condition type : StringEqualz',
    ],
    [
      'an unknown set qualifier',
      doc({ ...allowAll, Condition: { 'ForSomeValues:StringEquals': { 'aws:TagKeys': 'a' } } }),
      'identity',
      'Invalid Condition type : ForSomeValues:StringEquals',
    ],
    [
      'NullIfExists',
      doc({ ...allowAll, Condition: { NullIfExists: { 'aws:TagKeys': 'true' } } }),
      'identity',
      'Invalid Condition type : NullIfExists',
    ],
    [
      'a condition key without vendor',
      doc({ ...allowAll, Condition: { StringEquals: { username: 'a' } } }),
      'identity',
      'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
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
  ];

  it.each(cases)('%s', (_name, text, kind, message) => {
    expect(parseFailure(text, kind)).toEqual({ code: 'MalformedPolicyDocument', message });
  });

  it('refuses a document older than 2012-10-17 when asked to', () => {
    const text = JSON.stringify({ Statement: [allowAll] });
    expect(() => parsePolicyDocument(text, 'identity', { requireCurrentVersion: true })).toThrow(
      'Policy document must be version 2012-10-17 or greater.',
    );
    expect(() =>
      parsePolicyDocument(doc(allowAll), 'identity', { requireCurrentVersion: true }),
    ).not.toThrow();
  });
});
