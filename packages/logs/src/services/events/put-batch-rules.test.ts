import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { apiErrorOf } from '../../test-support/api-error-of.js';

import { judgeBatch, MAX_BATCH_BYTES } from './put-batch-rules.js';

const NOW = 1_700_000_000_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('PutLogEvents batch rules', () => {
  it('accepts a chronological batch within the limits whole', () => {
    expect(
      judgeBatch(
        [
          { timestamp: NOW - 1, message: 'a' },
          { timestamp: NOW - 1, message: 'b' },
          { timestamp: NOW, message: 'c' },
        ],
        NOW,
        undefined,
      ),
    ).toEqual({ accepted: [0, 1, 2] });
  });

  it('fails a whole batch that is empty, too long, too large, out of order or spans over 24 h', () => {
    const at = (timestamp: number, message = 'x'): { timestamp: number; message: string } => ({
      timestamp,
      message,
    });
    expect(apiErrorOf(() => judgeBatch([], NOW, undefined))).toMatch(
      /^InvalidParameterException: .*greater than or equal to 1$/,
    );
    expect(
      apiErrorOf(() =>
        judgeBatch(
          Array.from({ length: 10_001 }, () => at(NOW)),
          NOW,
          undefined,
        ),
      ),
    ).toMatch(/^InvalidParameterException: .*less than or equal to 10000$/);
    expect(
      apiErrorOf(() =>
        judgeBatch(
          Array.from({ length: 10_000 }, () => at(NOW)),
          NOW,
          undefined,
        ),
      ),
    ).toBe('none');
    // 26 bytes of overhead per event: exactly at the limit passes, one byte over fails.
    const fits = 'é'.repeat((MAX_BATCH_BYTES - 2 * 26) / 4);
    expect(apiErrorOf(() => judgeBatch([at(NOW, fits), at(NOW, fits)], NOW, undefined))).toBe('none');
    expect(apiErrorOf(() => judgeBatch([at(NOW, fits), at(NOW, `${fits}x`)], NOW, undefined))).toBe(
      `InvalidParameterException: Upload too large: ${MAX_BATCH_BYTES + 1} bytes exceeds limit of ${MAX_BATCH_BYTES}`,
    );
    expect(apiErrorOf(() => judgeBatch([at(NOW), at(NOW - 1)], NOW, undefined))).toBe(
      'InvalidParameterException: Log events in a single PutLogEvents request must be in chronological order.',
    );
    expect(apiErrorOf(() => judgeBatch([at(NOW - DAY - 1), at(NOW)], NOW, undefined))).toBe(
      'InvalidParameterException: The batch of log events in a single PutLogEvents request cannot span more than 24 hours.',
    );
    expect(apiErrorOf(() => judgeBatch([at(NOW - DAY), at(NOW)], NOW, undefined))).toBe('none');
  });

  it('rejects events too new, too old and expired one by one, naming their indexes', () => {
    const old = NOW - 14 * DAY - 1;
    expect(
      judgeBatch(
        [
          { timestamp: old - 1, message: 'too old' },
          { timestamp: old, message: 'too old too' },
          { timestamp: NOW - 14 * DAY, message: 'just in' },
        ],
        NOW,
        undefined,
      ),
    ).toEqual({ accepted: [2], rejected: { tooOldLogEventEndIndex: 1 } });
    expect(
      judgeBatch(
        [
          { timestamp: NOW + 2 * HOUR, message: 'just in' },
          { timestamp: NOW + 2 * HOUR + 1, message: 'too new' },
          { timestamp: NOW + 3 * HOUR, message: 'too new' },
        ],
        NOW,
        undefined,
      ),
    ).toEqual({ accepted: [0], rejected: { tooNewLogEventStartIndex: 1 } });
    expect(
      judgeBatch(
        [
          { timestamp: NOW - DAY - 1, message: 'expired' },
          { timestamp: NOW - DAY + 1, message: 'kept' },
        ],
        NOW,
        1,
      ),
    ).toEqual({ accepted: [1], rejected: { expiredLogEventEndIndex: 0 } });
  });

  it('accepts exactly the events inside [now − min(14 d, retention), now + 2 h]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -20 * DAY, max: 4 * HOUR }), { minLength: 1, maxLength: 50 }),
        fc.constantFrom(undefined, 1, 3, 7, 30),
        (offsets, retention) => {
          const sorted = offsets.map((o) => NOW + o).sort((a, b) => a - b);
          if (sorted[sorted.length - 1]! - sorted[0]! > DAY) return;
          const verdict = judgeBatch(
            sorted.map((timestamp) => ({ timestamp, message: 'm' })),
            NOW,
            retention,
          );
          const floor = NOW - Math.min(14, retention ?? 14) * DAY;
          const expected = sorted.flatMap((t, i) => (t >= floor && t <= NOW + 2 * HOUR ? [i] : []));
          expect(verdict.accepted).toEqual(expected);
        },
      ),
    );
  });
});
