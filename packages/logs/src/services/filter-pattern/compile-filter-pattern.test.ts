import { describe, expect, it } from 'vitest';

import { compileFilterPattern, InvalidFilterPatternError } from './compile-filter-pattern.js';

describe('compileFilterPattern', () => {
  it('tells the three forms apart by their first character', () => {
    expect(compileFilterPattern('  { $.a = 1 }  ')('{"a": 1}')).toBe(true);
    expect(compileFilterPattern('{ $.a = 1 }')('a 1')).toBe(false);
    expect(compileFilterPattern(' [x, y = 1] ')('a 1')).toBe(true);
    expect(compileFilterPattern('[x, y = 1]')('{"a": 1}')).toBe(false);
    expect(compileFilterPattern('a 1')('{"a": 1}')).toBe(true);
  });

  it('errors name the problem and where it is', () => {
    const error = (pattern: string): InvalidFilterPatternError => {
      try {
        compileFilterPattern(pattern);
      } catch (caught) {
        if (caught instanceof InvalidFilterPatternError) return caught;
      }
      throw new Error(`no InvalidFilterPatternError for ${pattern}`);
    };
    expect(error('{ $.a > abc }')).toMatchObject({ name: 'InvalidFilterPatternError', position: 8 });
    expect(error('{ $.a > abc }').message).toContain("'>' needs a number");
    expect(error('ERROR foo:bar').position).toBe(6);
    expect(error('{ $.a = 1').message).toContain("must end with '}'");
    expect(error('[a, b c]').message).toContain("expected ',' or ']'");
    expect(error('{ $.a = 1 && }')).toBeInstanceOf(Error);
  });
});
