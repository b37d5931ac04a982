import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { compileFilterPattern, InvalidFilterPatternError } from './compile-filter-pattern.js';

const matching = (pattern: string, messages: readonly string[]): string[] =>
  messages.filter(compileFilterPattern(pattern));

const word = fc.stringMatching(/^[A-Za-z0-9_]{1,6}$/);
const message = fc
  .array(fc.constantFrom('a', 'b', 'ab', 'ERR', 'x_1', ' ', '-', '"'), { maxLength: 8 })
  .map((parts) => parts.join(''));

describe('unstructured patterns (AWS examples)', () => {
  const events = [
    '[ERROR 400] BAD REQUEST',
    '[ERROR 401] UNAUTHORIZED REQUEST',
    '[ERROR 419] MISSING ARGUMENTS',
    '[ERROR 420] INVALID ARGUMENTS',
    '[ERROR 500] INTERNAL SERVER ERROR',
    '[WARN] Failed to process the request',
    'Exiting with ERRORCODE: -1',
  ];

  it('empty or blank patterns match everything', () => {
    for (const pattern of ['', '   ', '""', '" "']) expect(matching(pattern, events)).toEqual(events);
  });

  it('a single term matches by case-sensitive substring', () => {
    expect(matching('ERROR', events)).toEqual([...events.slice(0, 5), 'Exiting with ERRORCODE: -1']);
    expect(matching('error', events)).toEqual([]);
  });

  it('several terms must all appear', () => {
    expect(matching('ERROR ARGUMENTS', events)).toEqual(events.slice(2, 4));
    expect(matching('Failed to process the request', events)).toEqual([events[5]]);
  });

  it('a quoted phrase matches exactly', () => {
    expect(matching('"INTERNAL SERVER ERROR"', events)).toEqual([events[4]]);
    expect(matching('"ERROR 4"', events)).toEqual(events.slice(0, 4));
  });

  it('-term excludes', () => {
    expect(matching('ERROR -ARGUMENTS', events)).toEqual([events[0], events[1], events[4], events[6]]);
    expect(matching('"ERROR" - "Exiting"', events)).toEqual(events.slice(0, 5));
    expect(matching('-ERROR', events)).toEqual([events[5]]);
  });

  it('?term matches any of them', () => {
    const three = ['ERROR WARN message', 'ERROR message', 'WARN message'];
    expect(matching('ERROR', three)).toEqual(three.slice(0, 2));
    expect(matching('?ERROR ?WARN', three)).toEqual(three);
    expect(matching('ERROR WARN', three)).toEqual(three.slice(0, 1));
    expect(matching('ERROR -WARN', three)).toEqual(three.slice(1, 2));
    expect(matching('?ERROR ?WARN -message', three)).toEqual([]);
  });

  it('rejects unquoted terms with other characters, and broken quotes', () => {
    for (const pattern of ['ERROR:', 'foo.bar', '"open', '?', '? x', 'a-b', '4*']) {
      expect(() => compileFilterPattern(pattern), pattern).toThrow(InvalidFilterPatternError);
    }
  });
});

describe('unstructured pattern laws', () => {
  it('a term matches iff the message includes it', () => {
    fc.assert(
      fc.property(word, message, (term, text) => compileFilterPattern(term)(text) === text.includes(term)),
    );
  });

  it('a quoted phrase of any text matches the messages that contain it', () => {
    const phrase = fc.string({ minLength: 1, maxLength: 10 }).filter((text) => text.trim() !== '');
    fc.assert(
      fc.property(phrase, fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), (text, before, after) => {
        const quoted = `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
        const matches = compileFilterPattern(quoted);
        expect(matches(before + text + after)).toBe(true);
        expect(matches(before + after)).toBe((before + after).includes(text));
      }),
    );
  });

  it('AND, OR and exclusion compose like their terms', () => {
    fc.assert(
      fc.property(word, word, message, (a, b, text) => {
        const has = (term: string): boolean => compileFilterPattern(term)(text);
        expect(compileFilterPattern(`${a} ${b}`)(text)).toBe(has(a) && has(b));
        expect(compileFilterPattern(`?${a} ?${b}`)(text)).toBe(has(a) || has(b));
        expect(compileFilterPattern(`-${a}`)(text)).toBe(!has(a));
        expect(compileFilterPattern(`${a} -${b}`)(text)).toBe(has(a) && !has(b));
      }),
    );
  });
});
