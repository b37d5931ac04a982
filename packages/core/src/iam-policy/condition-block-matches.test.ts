import { describe, expect, it } from 'vitest';

import { conditionMatches } from './condition-block-matches.js';
import { parseConditionDate } from './condition-operators.js';
import { parseCondition } from './parse-condition.js';
import type { PolicyRequest } from './policy-types.js';
import { valueResolver } from './statement-matches.js';

type Context = PolicyRequest['context'];

const holds = (
  condition: Record<string, unknown>,
  context: Context,
  version: '2012-10-17' | '2008-10-17' = '2012-10-17',
): boolean => conditionMatches(parseCondition(condition), context, valueResolver(version, context));

/** [operator, policy value(s), context value(s) or undefined for a missing key, expected]. */
type Row = [string, unknown, string | string[] | undefined, boolean];

const table = (rows: Row[]): void => {
  it.each(rows)('%s %j against %j → %s', (operator, policyValue, contextValue, expected) => {
    const context: Context = contextValue === undefined ? {} : { 'test:key': contextValue };
    expect(holds({ [operator]: { 'test:key': policyValue } }, context)).toBe(expected);
  });
};

describe('string operators', () => {
  table([
    ['StringEquals', 'abc', 'abc', true],
    ['StringEquals', 'abc', 'ABC', false],
    ['StringEquals', ['x', 'abc'], 'abc', true],
    ['StringEquals', 'a*', 'abc', false],
    ['StringEquals', 'abc', undefined, false],
    ['StringNotEquals', 'abc', 'abd', true],
    ['StringNotEquals', ['abc', 'abd'], 'abd', false],
    ['StringNotEquals', 'abc', undefined, true],
    ['StringEqualsIgnoreCase', 'abc', 'ABC', true],
    ['StringEqualsIgnoreCase', 'abc', 'ABD', false],
    ['StringNotEqualsIgnoreCase', 'abc', 'ABC', false],
    ['StringNotEqualsIgnoreCase', 'abc', 'x', true],
    ['StringLike', 'home/*', 'home/alice/x', true],
    ['StringLike', 'home/?', 'home/ab', false],
    ['StringLike', 'Home/*', 'home/a', false],
    ['StringNotLike', 'home/*', 'tmp/a', true],
    ['StringNotLike', 'home/*', 'home/a', false],
    ['StringNotLike', 'home/*', undefined, true],
    ['StringLikeIfExists', 'home/*', undefined, true],
    ['StringLikeIfExists', 'home/*', 'tmp', false],
    ['StringEqualsIfExists', 'abc', 'abc', true],
  ]);
});

describe('numeric operators', () => {
  table([
    ['NumericEquals', 10, '10', true],
    ['NumericEquals', '10', '10.0', true],
    ['NumericEquals', 10, '11', false],
    ['NumericEquals', 10, 'ten', false],
    ['NumericNotEquals', 10, '11', true],
    ['NumericNotEquals', 10, '10', false],
    ['NumericNotEquals', 10, 'ten', false],
    ['NumericLessThan', 10, '9', true],
    ['NumericLessThan', 10, '10', false],
    ['NumericLessThanEquals', 10, '10', true],
    ['NumericGreaterThan', 10, '10', false],
    ['NumericGreaterThan', 10, '10.5', true],
    ['NumericGreaterThanEquals', 10, '10', true],
    ['NumericGreaterThanEquals', 10, '-3', false],
    ['NumericLessThan', 10, undefined, false],
    ['NumericLessThanIfExists', 10, undefined, true],
  ]);
});

describe('date operators', () => {
  table([
    ['DateEquals', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', true],
    ['DateEquals', '2020-01-01T00:00:00Z', '1577836800', true],
    ['DateEquals', '2020-01-01', '2020-01-01T00:00:00+00:00', true],
    ['DateEquals', '2020-01-01T01:00:00+01:00', '2020-01-01T00:00:00Z', true],
    ['DateNotEquals', '2020-01-01T00:00:00Z', '2020-01-02T00:00:00Z', true],
    ['DateNotEquals', '2020-01-01T00:00:00Z', '1577836800', false],
    ['DateLessThan', '2020-01-01T00:00:00Z', '2019-12-31T23:59:59Z', true],
    ['DateLessThan', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', false],
    ['DateLessThanEquals', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', true],
    ['DateGreaterThan', '2020-01-01T00:00:00Z', '2020-01-01T00:00:01Z', true],
    ['DateGreaterThanEquals', '2020-01-01T00:00:00Z', '2019-01-01T00:00:00Z', false],
    ['DateGreaterThan', '2020-01-01T00:00:00Z', 'yesterday', false],
  ]);

  it('parses ISO-8601 without a zone as UTC, and epoch seconds', () => {
    expect(parseConditionDate('2020-01-01T00:00')).toBe(Date.UTC(2020, 0, 1));
    expect(parseConditionDate('2020-01-01T00:00:00.5Z')).toBe(Date.UTC(2020, 0, 1) + 500);
    expect(parseConditionDate('2020-01-01T00:00:00+0130')).toBe(Date.UTC(2019, 11, 31, 22, 30));
    expect(parseConditionDate('0')).toBe(0);
    expect(parseConditionDate('Jan 1 2020')).toBeUndefined();
  });
});

describe('Bool, BinaryEquals, IP, ARN and Null operators', () => {
  table([
    ['Bool', true, 'true', true],
    ['Bool', 'true', 'TRUE', true],
    ['Bool', false, 'true', false],
    ['Bool', 'false', undefined, false],
    ['BoolIfExists', 'false', undefined, true],
    ['Bool', 'true', 'yes', false],
    ['BinaryEquals', 'QmluYXJ5VmFsdWU=', 'QmluYXJ5VmFsdWU=', true],
    ['BinaryEquals', 'QmluYXJ5VmFsdWU=', 'QmluYXJ5', false],
    ['IpAddress', '203.0.113.0/24', '203.0.113.9', true],
    ['IpAddress', ['10.0.0.0/8', '2001:db8::/32'], '2001:db8::5', true],
    ['IpAddress', '203.0.113.0/24', '198.51.100.1', false],
    ['IpAddress', '203.0.113.0/24', undefined, false],
    ['NotIpAddress', '203.0.113.0/24', '198.51.100.1', true],
    ['NotIpAddress', '203.0.113.0/24', '203.0.113.1', false],
    ['NotIpAddress', '203.0.113.0/24', undefined, true],
    [
      'ArnEquals',
      'arn:aws:sns:us-east-1:123456789012:topic',
      'arn:aws:sns:us-east-1:123456789012:topic',
      true,
    ],
    ['ArnEquals', 'arn:aws:sns:*:123456789012:topic', 'arn:aws:sns:eu-west-1:123456789012:topic', true],
    ['ArnLike', 'arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b', true],
    ['ArnLike', 'arn:aws:iam::*:role/admin*', 'arn:aws:iam::123456789012:role/admin-x', true],
    ['ArnLike', 'arn:aws:*:us-east-1:*:*', 'arn:aws:ecs:us-east-1:1:cluster/c', true],
    // a pattern with fewer than six parts is matched as one glob over the whole ARN
    ['ArnLike', 'arn:aws:iam::*', 'arn:aws:iam::1:role/x', true],
    ['ArnLike', 'arn:aws:iam::*', 'arn:aws:sts::1:role/x', false],
    ['ArnLike', 'arn:aws:ec2:*:*:instance/*', 'arn:aws:ec2:us-east-1:1:volume/v', false],
    ['ArnLike', 'arn:aws:ec2:*:*:*', 'not-an-arn', false],
    ['ArnLike', 'arn:aws:s3:::bucket/*', 'arn:aws:s3:::Bucket/a', false],
    ['ArnNotEquals', 'arn:aws:sns:us-east-1:1:topic', 'arn:aws:sns:us-east-1:1:other', true],
    ['ArnNotLike', 'arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a', false],
    ['ArnNotLike', 'arn:aws:s3:::bucket/*', undefined, true],
    ['ArnLikeIfExists', 'arn:aws:s3:::bucket/*', undefined, true],
    ['Null', 'true', undefined, true],
    ['Null', 'true', 'x', false],
    ['Null', 'false', 'x', true],
    ['Null', false, undefined, false],
  ]);
});

describe('set qualifiers', () => {
  table([
    ['ForAllValues:StringEquals', ['a', 'b'], ['a', 'b'], true],
    ['ForAllValues:StringEquals', ['a', 'b'], ['a'], true],
    ['ForAllValues:StringEquals', ['a', 'b'], ['a', 'c'], false],
    ['ForAllValues:StringEquals', ['a'], undefined, true],
    ['ForAllValues:StringEquals', ['a'], [], true],
    ['ForAllValues:StringLike', ['key1*'], ['key1a', 'key1b'], true],
    ['ForAllValues:StringNotEquals', ['a', 'b'], ['c', 'd'], true],
    ['ForAllValues:StringNotEquals', ['a', 'b'], ['c', 'a'], false],
    ['ForAnyValue:StringEquals', ['a', 'b'], ['x', 'b'], true],
    ['ForAnyValue:StringEquals', ['a', 'b'], ['x', 'y'], false],
    ['ForAnyValue:StringEquals', ['a'], undefined, false],
    ['ForAnyValue:StringNotEquals', ['a'], ['a', 'b'], true],
    ['ForAnyValue:StringNotEquals', ['a'], ['a'], false],
    ['ForAnyValue:StringNotEquals', ['a'], undefined, false],
    ['ForAnyValue:StringLikeIfExists', ['a*'], undefined, true],
    ['StringEquals', 'a', ['x', 'a'], true],
    ['StringNotEquals', 'a', ['x', 'a'], false],
  ]);
});

describe('blocks, keys and context names', () => {
  it('ANDs operators and keys, ORs the values of one key', () => {
    const condition = {
      StringEquals: { 'aws:username': ['alice', 'bob'], 'aws:PrincipalAccount': '1' },
      Bool: { 'aws:SecureTransport': 'true' },
    };
    const base = { 'aws:username': 'bob', 'aws:PrincipalAccount': '1', 'aws:SecureTransport': 'true' };
    expect(holds(condition, base)).toBe(true);
    expect(holds(condition, { ...base, 'aws:username': 'carol' })).toBe(false);
    expect(holds(condition, { ...base, 'aws:PrincipalAccount': '2' })).toBe(false);
    expect(holds(condition, { ...base, 'aws:SecureTransport': 'false' })).toBe(false);
  });

  it('matches condition key names case-insensitively', () => {
    expect(holds({ StringEquals: { 'AWS:UserName': 'alice' } }, { 'aws:username': 'alice' })).toBe(true);
  });

  it('resolves policy variables in string and ARN values, for 2012-10-17 only', () => {
    const context = {
      'aws:username': 'alice',
      's3:prefix': 'home/alice/x',
      'aws:SourceArn': 'arn:aws:iam::1:user/alice',
    };
    expect(holds({ StringLike: { 's3:prefix': 'home/${aws:username}/*' } }, context)).toBe(true);
    expect(holds({ StringLike: { 's3:prefix': 'home/${aws:username}/*' } }, context, '2008-10-17')).toBe(
      false,
    );
    expect(holds({ StringEquals: { 'aws:username': '${aws:username}' } }, context)).toBe(true);
    expect(holds({ ArnLike: { 'aws:SourceArn': 'arn:aws:iam::*:user/${aws:username}' } }, context)).toBe(
      true,
    );
  });

  it('a value whose variable is missing matches nothing (and a negated operator then fails)', () => {
    const context = { 's3:prefix': 'home/x' };
    expect(holds({ StringLike: { 's3:prefix': 'home/${aws:username}' } }, context)).toBe(false);
    expect(holds({ StringLike: { 's3:prefix': ['home/${aws:username}', 'home/*'] } }, context)).toBe(true);
    expect(holds({ StringNotLike: { 's3:prefix': 'tmp/${aws:username}' } }, context)).toBe(false);
  });
});
