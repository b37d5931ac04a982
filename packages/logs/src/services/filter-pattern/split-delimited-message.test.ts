import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { splitDelimitedMessage } from './split-delimited-message.js';

describe('splitDelimitedMessage', () => {
  it('keeps bracketed and quoted text as one field (the Apache example)', () => {
    expect(
      splitDelimitedMessage(
        '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /apache_pb.gif HTTP/1.0" 200 1534',
      ),
    ).toEqual([
      '127.0.0.1',
      '-',
      'frank',
      '10/Oct/2000:13:25:15 -0700',
      'GET /apache_pb.gif HTTP/1.0',
      '200',
      '1534',
    ]);
  });

  it('separates on runs of whitespace and takes the rest for an unclosed group', () => {
    expect(splitDelimitedMessage('  a \t b  ')).toEqual(['a', 'b']);
    expect(splitDelimitedMessage('a [b c')).toEqual(['a', 'b c']);
    expect(splitDelimitedMessage('')).toEqual([]);
  });

  it('round-trips words joined by spaces', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9_.:/-]{1,8}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (words) => {
        expect(splitDelimitedMessage(words.join(' '))).toEqual(words);
      }),
    );
  });
});
