import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { matchWildcard, parseWildcard } from '../model/wildcard-pattern.js';
import { configWord, fetchArgument, logFormatLiteral, wildcardRegex } from './haproxy-quote.js';

/** HAProxy's top-level unquoting of one double-quoted word, enough to check what configWord means. */
const unquote = (word: string): string => {
  expect(word.startsWith('"') && word.endsWith('"')).toBe(true);
  const inner = word.slice(1, -1);
  expect(inner).not.toMatch(/["$#'\n\r\t\0]|\\(?!x[0-9a-f]{2})/);
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < inner.length; i += 1) {
    if (inner.charAt(i) === '\\') {
      bytes.push(parseInt(inner.slice(i + 2, i + 4), 16));
      i += 3;
    } else {
      bytes.push(...encoder.encode(inner.charAt(i)));
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
};

const alphabet = fc.string({ unit: fc.constantFrom('a', 'B', 'b', '.', '/', '*', '?', '\\'), maxLength: 10 });

describe('HAProxy quoting', () => {
  it('configWord keeps any string exactly, in one word, with nothing HAProxy would interpret', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('\0')),
        (text) => unquote(configWord(text)) === text,
      ),
    );
    expect(configWord('a "b"\n#c $d')).toBe('"a \\x22b\\x22\\x0a\\x23c \\x24d"');
    expect(() => configWord('a\0b')).toThrow(/NUL/);
  });

  it('doubles percent signs in log-format literals', () => {
    expect(logFormatLiteral('100%[src]')).toBe('100%%[src]');
  });

  it('escapes fetch arguments for both parsers', () => {
    expect(fetchArgument('X-Env')).toBe('X-Env');
    expect(fetchArgument("X-It's")).toBe('X-It\\x5c\\x27s');
    expect(() => fetchArgument('a b')).toThrow();
  });

  it('the wildcard regex agrees with the matcher (the oracle)', () => {
    fc.assert(
      fc.property(alphabet, alphabet, fc.boolean(), fc.boolean(), (p, t, ci, escapes) => {
        const tokens = parseWildcard(p, { escapes });
        const regex = new RegExp(`^${wildcardRegex(tokens, { oneChar: '.' })}$`, ci ? 'is' : 's');
        return matchWildcard(tokens, t, ci) === regex.test(t);
      }),
      { numRuns: 2000 },
    );
  });
});
