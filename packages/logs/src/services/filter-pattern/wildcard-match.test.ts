import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { wildcardMatch } from './wildcard-match.js';

const plain = fc.string({ maxLength: 12 }).map((text) => text.replaceAll('*', ''));

describe('wildcardMatch', () => {
  it('matches prefixes, suffixes and infixes as in AWS docs', () => {
    expect(wildcardMatch('*Event', 'PutEvent')).toBe(true);
    expect(wildcardMatch('Event*', 'EventId')).toBe(true);
    expect(wildcardMatch('123.123.*', '111.111.111.111')).toBe(false);
    expect(wildcardMatch('*html*', 'GET /index.html HTTP/1.0')).toBe(true);
    expect(wildcardMatch('*', '')).toBe(true);
  });

  it('takes the first occurrence of each piece, as AWS was observed to', () => {
    expect(wildcardMatch('*111.111.111', '111.111.111.111')).toBe(false);
    expect(wildcardMatch('*.111.111.111', '111.111.111.111')).toBe(true);
    expect(wildcardMatch('111*111', '111.111.111.111')).toBe(false);
    expect(wildcardMatch('1*3', '123')).toBe(true);
    expect(wildcardMatch('*1', '12.34')).toBe(false);
  });

  it('without a wildcard is equality', () => {
    fc.assert(fc.property(plain, plain, (value, text) => wildcardMatch(value, text) === (value === text)));
  });

  it('value* is startsWith, *value* is includes', () => {
    fc.assert(
      fc.property(plain, plain, (value, text) => {
        expect(wildcardMatch(`${value}*`, text)).toBe(text.startsWith(value));
        expect(wildcardMatch(`*${value}*`, text)).toBe(text.includes(value));
      }),
    );
  });

  it('*value matches every text that ends with value and holds it once', () => {
    fc.assert(
      fc.property(
        plain,
        plain.filter((value) => value.length > 0),
        (before, value) => {
          fc.pre(!before.includes(value) && !(before + value).slice(0, -1).includes(value));
          expect(wildcardMatch(`*${value}`, before + value)).toBe(true);
        },
      ),
    );
  });
});
