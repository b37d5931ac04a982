import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { matchWildcard, parseWildcard } from './wildcard-pattern.js';

const plain = { escapes: false };
const match = (pattern: string, text: string, ci = false, escapes = false): boolean =>
  matchWildcard(parseWildcard(pattern, { escapes }), text, ci);

const literal = fc.string({ maxLength: 12 }).filter((s) => !/[*?]/.test(s));

describe('wildcard patterns', () => {
  it('a literal pattern matches only itself (case-sensitively)', () => {
    fc.assert(fc.property(literal, fc.string({ maxLength: 12 }), (p, t) => match(p, t) === (p === t)));
    fc.assert(fc.property(literal, (p) => match(p, p)));
  });

  it('a literal pattern matches case-insensitively when asked', () => {
    fc.assert(
      fc.property(literal, (p) => match(p, p.toUpperCase(), true) && match(p.toUpperCase(), p, true)),
    );
    expect(match('Example.COM', 'example.com')).toBe(false);
    expect(match('Example.COM', 'example.com', true)).toBe(true);
  });

  it('* matches everything, ? exactly one character', () => {
    fc.assert(fc.property(fc.string(), (t) => match('*', t)));
    fc.assert(fc.property(fc.string({ maxLength: 5 }), (t) => match('?', t) === (t.length === 1)));
    fc.assert(
      fc.property(literal, literal, fc.string({ maxLength: 6 }), (a, b, m) =>
        match(`${a}*${b}`, `${a}${m}${b}`),
      ),
    );
  });

  it('escapes make * and ? literal only where allowed', () => {
    expect(match('a\\*', 'a*', false, true)).toBe(true);
    expect(match('a\\*', 'ab', false, true)).toBe(false);
    expect(match('a\\?', 'a?', false, true)).toBe(true);
    expect(match('a\\\\b', 'a\\b', false, true)).toBe(true);
    expect(match('a\\*', 'a\\bc', false, false)).toBe(true);
  });

  it('never backtracks exponentially', () => {
    const tokens = parseWildcard('*a*a*a*a*a*a*a*a*a*a*b', plain);
    expect(matchWildcard(tokens, 'a'.repeat(5000), false)).toBe(false);
  });
});
