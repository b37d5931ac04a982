import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { ApiError } from './errors.js';
import { paginate } from './paginate.js';

const ERRORS = {
  badSize: (m: unknown, limit: number) => new ApiError('BadSize', `${String(m)} > ${limit}`),
  badToken: () => new ApiError('BadToken', 'bad token'),
};

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return (error as ApiError).code;
  }
};

describe('paginate', () => {
  it('walks any list in pages that join up to the list, whatever the page size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { maxLength: 300 }),
        fc.integer({ min: 1, max: 50 }),
        (items, size) => {
          const seen: number[] = [];
          let token: string | undefined;
          do {
            const page = paginate(items, { maxResults: size, nextToken: token, limit: 50 }, ERRORS);
            expect(page.items.length).toBeLessThanOrEqual(size);
            seen.push(...page.items);
            token = page.nextToken;
          } while (token !== undefined);
          expect(seen).toEqual(items);
        },
      ),
    );
  });

  it('answers the API error for a bad size or a token it did not issue', () => {
    const items = Array.from({ length: 30 }, (_, i) => i);
    expect(codeOf(() => paginate(items, { maxResults: 0, nextToken: undefined, limit: 10 }, ERRORS))).toBe(
      'BadSize',
    );
    expect(codeOf(() => paginate(items, { maxResults: 11, nextToken: undefined, limit: 10 }, ERRORS))).toBe(
      'BadSize',
    );
    const next = paginate(items, { maxResults: 10, nextToken: undefined, limit: 10 }, ERRORS).nextToken;
    expect(next).toBeDefined();
    for (const token of ['', 'not a token', 'AAAA', `${next}x`, 12, 'LTE'])
      expect(codeOf(() => paginate(items, { maxResults: 10, nextToken: token, limit: 10 }, ERRORS))).toBe(
        'BadToken',
      );
    // An index past the end of the list (it shrank) is refused too.
    expect(
      codeOf(() => paginate(items.slice(0, 5), { maxResults: 10, nextToken: next, limit: 10 }, ERRORS)),
    ).toBe('BadToken');
  });
});
