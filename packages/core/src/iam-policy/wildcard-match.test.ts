import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { matchPatternParts, parseWildcardPattern, wildcardMatch } from './wildcard-match.js';

const referenceRegex = (pattern: string, flags: string): RegExp =>
  new RegExp(
    `^${Array.from(pattern, (char) =>
      char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    ).join('')}$`,
    `su${flags}`,
  );

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

  it('a pattern always matches itself with its wildcards written out', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (value) => {
        const literal = value.replace(/[*?]/g, 'x');
        expect(matchPatternParts(parseWildcardPattern(literal), literal)).toBe(true);
      }),
    );
  });
});
