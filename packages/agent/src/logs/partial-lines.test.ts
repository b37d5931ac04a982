import { describe, expect, it } from 'vitest';

import { PartialLineJoiner, type LinePiece } from './partial-lines.js';

const piece = (n: number, text: string, ends: boolean): LinePiece => ({
  timestampMs: 1000 + n,
  text,
  cursor: { timestampNs: BigInt(1000 + n) * 1_000_000n, countAtTimestamp: 1 },
  ends,
});

describe('PartialLineJoiner', () => {
  it('joins pieces until one ends the line, stamped with the first and positioned at the last', () => {
    const joiner = new PartialLineJoiner(1000);
    expect(joiner.push(piece(0, 'ab', false))).toBeUndefined();
    expect(joiner.push(piece(1, 'cd', false))).toBeUndefined();
    expect(joiner.push(piece(2, 'ef', true))).toEqual({
      timestampMs: 1000,
      text: 'abcdef',
      cursor: piece(2, '', true).cursor,
    });
    expect(joiner.push(piece(3, 'whole', true))?.text).toBe('whole');
  });

  it('lets a line out once it reaches the limit, and holds an unterminated last line until flushed', () => {
    const joiner = new PartialLineJoiner(4);
    expect(joiner.push(piece(0, 'abc', false))).toBeUndefined();
    expect(joiner.push(piece(1, 'def', false))?.text).toBe('abcdef');
    expect(joiner.push(piece(2, 'g', false))).toBeUndefined();
    expect(joiner.flush()?.text).toBe('g');
    expect(joiner.flush()).toBeUndefined();
  });

  it('forgets held pieces on reset (the next pass reads them again)', () => {
    const joiner = new PartialLineJoiner(1000);
    joiner.push(piece(0, 'ab', false));
    joiner.reset();
    expect(joiner.push(piece(0, 'ab', true))?.text).toBe('ab');
  });
});
