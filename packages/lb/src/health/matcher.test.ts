import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { compileHttpCodeMatcher, httpCodeMatcherError } from './matcher.js';

describe('compileHttpCodeMatcher', () => {
  it('matches a single code, a list and a range', () => {
    const single = compileHttpCodeMatcher('200');
    expect([single(200), single(201)]).toEqual([true, false]);
    const list = compileHttpCodeMatcher('200,202');
    expect([list(200), list(201), list(202)]).toEqual([true, false, true]);
    const range = compileHttpCodeMatcher('200-299');
    expect([range(199), range(200), range(250), range(299), range(300)]).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
    const mixed = compileHttpCodeMatcher('200, 300-302');
    expect([mixed(200), mixed(301), mixed(303)]).toEqual([true, true, false]);
  });

  it('rejects what ELBv2 rejects, with its ValidationError', () => {
    expect(httpCodeMatcherError('')?.message).toBe('Health check matcher HTTP code cannot be empty');
    expect(httpCodeMatcherError('')?.code).toBe('ValidationError');
    expect(httpCodeMatcherError('500')?.message).toBe(
      "Health check matcher HTTP code '500' must be within '200-499' inclusive",
    );
    for (const bad of ['199', '200-500', 'abc', '20', '200-', '300-200', '200-250-299', '2000']) {
      expect(httpCodeMatcherError(bad), bad).toBeDefined();
      expect(() => compileHttpCodeMatcher(bad)).toThrow();
    }
    expect(httpCodeMatcherError('200-499')).toBeUndefined();
  });

  it('a range matches exactly the codes between its bounds (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 200, max: 499 }),
        fc.integer({ min: 200, max: 499 }),
        fc.integer({ min: 100, max: 599 }),
        (a, b, code) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const matches = compileHttpCodeMatcher(`${low}-${high}`);
          expect(matches(code)).toBe(code >= low && code <= high);
        },
      ),
    );
  });
});
