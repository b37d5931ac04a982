import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { matchPatternParts, parseWildcardPattern, wildcardMatch } from './wildcard-match.js';

const escape = (char: string): string => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const referenceRegex = (pattern: string, flags: string): RegExp =>
  new RegExp(
    `^${Array.from(pattern, (char) => (char === '*' ? '.*' : char === '?' ? '.' : escape(char))).join('')}$`,
    `su${flags}`,
  );
/** ARN mode: a `*` ending a segment is `.*`, any other `*` is `[^:]*`, `?` is `[^:]`. */
const referenceArnRegex = (pattern: string): RegExp => {
  const chars = Array.from(pattern);
  const source = chars.map((char, index) => {
    if (char === '?') return '[^:]';
    if (char !== '*') return escape(char);
    const next = chars[index + 1];
    return next === undefined || next === ':' ? '.*' : '[^:]*';
  });
  return new RegExp(`^${source.join('')}$`, 'su');
};

describe('wildcardMatch', () => {
  it.each([
    ['ecs:Describe*', 'ecs:DescribeTasks', true],
    ['ecs:Describe*', 'ecs:ListTasks', false],
    ['*', '', true],
    ['*', 'arn:aws:s3:::bucket/a/b:c', true],
    ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b/c', true],
    ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket', false],
    ['arn:aws:ecs:*:123456789012:cluster/prod', 'arn:aws:ecs:us-east-1:123456789012:cluster/prod', true],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['a*b*c', 'aXXbYYc', true],
    ['a*b*c', 'aXXcYYb', false],
    ['', '', true],
    ['', 'a', false],
  ])('%s against %s is %s', (pattern, value, expected) => {
    expect(wildcardMatch(pattern, value)).toBe(expected);
  });

  it('is case-sensitive unless asked otherwise', () => {
    expect(wildcardMatch('ecs:describe*', 'ECS:DescribeTasks')).toBe(false);
    expect(wildcardMatch('ecs:describe*', 'ECS:DescribeTasks', { ignoreCase: true })).toBe(true);
  });

  it('matches literal parts literally, even when they hold * or ?', () => {
    expect(matchPatternParts(['a', '*'], 'a*')).toBe(true);
    expect(matchPatternParts(['a', '*'], 'ab')).toBe(false);
    expect(matchPatternParts(['a?'], 'ab')).toBe(false);
  });

  it('agrees with a reference regular expression built from the pattern', () => {
    const alphabet = fc.constantFrom('a', 'b', 'A', ':', '/', '.', '-', 'é', '*', '?');
    const text = fc.array(alphabet, { maxLength: 10 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, text, fc.boolean(), (pattern, value, ignoreCase) => {
        const expected = referenceRegex(pattern, ignoreCase ? 'i' : '').test(value);
        expect(wildcardMatch(pattern, value, { ignoreCase })).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('ARN mode: only a * that ends a segment runs across colons, ? never matches a colon', () => {
    const arn = { segmentSeparator: ':' };
    expect(wildcardMatch('arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a:b/c', arn)).toBe(true);
    expect(wildcardMatch('arn:aws:ecs:*:1:cluster/x', 'arn:aws:ecs:us-east-1:1:cluster/x', arn)).toBe(true);
    expect(wildcardMatch('arn:aws:iam::1:user/a*z', 'arn:aws:iam::1:user/a:z', arn)).toBe(false);
    expect(wildcardMatch('arn:aws:iam::1:user/a*z', 'arn:aws:iam::1:user/a/b/z', arn)).toBe(true);
    expect(wildcardMatch('arn:aws:iam::1:user/a?z', 'arn:aws:iam::1:user/a:z', arn)).toBe(false);
    expect(wildcardMatch('*', 'arn:aws:iam::1:user/a:z', arn)).toBe(true);
  });

  it('ARN mode agrees with a reference regular expression', () => {
    const alphabet = fc.constantFrom('a', 'b', ':', '/', '*', '?');
    const text = fc.array(alphabet, { maxLength: 10 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, text, (pattern, value) => {
        expect(wildcardMatch(pattern, value, { segmentSeparator: ':' })).toBe(
          referenceArnRegex(pattern).test(value),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('a pattern always matches itself with its wildcards written out', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (value) => {
        const literal = value.replace(/[*?]/g, 'x');
        expect(matchPatternParts(parseWildcardPattern(literal), literal)).toBe(true);
      }),
    );
  });
});
