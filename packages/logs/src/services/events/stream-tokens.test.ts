import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { apiErrorOf } from '../../test-support/api-error-of.js';

import { decodeStreamToken, encodeStreamToken } from './stream-tokens.js';

describe('GetLogEvents tokens', () => {
  it('look like CloudWatch Logs’ f/<56 digits>/s and b/<56 digits>/s and read back', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('forward' as const, 'backward' as const),
        fc.integer({ min: 0, max: 2 ** 45 }),
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        (direction, timestamp, seq) => {
          const token = encodeStreamToken(direction, { timestamp, seq });
          expect(token).toMatch(direction === 'forward' ? /^f\/\d{56}\/s$/ : /^b\/\d{56}\/s$/);
          expect(decodeStreamToken(token)).toEqual({ direction, position: { timestamp, seq } });
        },
      ),
    );
  });

  it('refuse anything else', () => {
    for (const token of ['', 'f/123/s', `x/${'0'.repeat(56)}/s`, `f/${'0'.repeat(56)}`]) {
      expect(apiErrorOf(() => decodeStreamToken(token))).toBe(
        'InvalidParameterException: The specified nextToken is invalid.',
      );
    }
  });
});
