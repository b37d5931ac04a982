import { describe, expect, it } from 'vitest';

import { ApiError } from '@berth/core';

import { paginate } from './pagination.js';

describe('paginate', () => {
  it('walks a list page by page with opaque tokens', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = paginate(items, 2, token);
      seen.push(...page.items);
      token = page.nextToken;
    } while (token);
    expect(seen).toEqual(items);
  });

  it('rejects maxResults outside 1..100 and a forged token', () => {
    expect(() => paginate([], 0, undefined)).toThrow(ApiError);
    expect(() => paginate([], 101, undefined)).toThrow(ApiError);
    expect(() => paginate([], 1, 'not-a-token')).toThrow(ApiError);
  });
});
