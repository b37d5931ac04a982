import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { compileFilterPattern, InvalidFilterPatternError } from './compile-filter-pattern.js';

const apache = [
  '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /apache_pb.gif HTTP/1.0" 200 1534',
  '127.0.0.1 - frank [10/Oct/2000:13:35:22 -0700] "GET /apache_pb.gif HTTP/1.0" 500 5324',
  '127.0.0.1 - frank [10/Oct/2000:13:50:35 -0700] "GET /apache_pb.gif HTTP/1.0" 200 4355',
  '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /index.html HTTP/1.0" 404 1534',
  '127.0.0.1 - frank [10/Oct/2000:13:25:16 -0700] "GET /index.html HTTP/1.0" 403 900',
];
const matching = (pattern: string, events: readonly string[] = apache): string[] =>
  events.filter(compileFilterPattern(pattern));

describe('space-delimited patterns (AWS examples)', () => {
  it('names every field; the count must match', () => {
    expect(matching('[ip, user, username, timestamp, request, status_code, bytes]')).toEqual(apache);
    expect(matching('[ip, user, username, timestamp, request, status_code]')).toEqual([]);
    expect(matching('[ip, user, username, timestamp, request, status_code, bytes, extra]')).toEqual([]);
  });

  it('... stands for any number of fields', () => {
    expect(matching('[..., status_code, bytes]')).toEqual(apache);
    expect(matching('[ip, user, ..., status_code, bytes]')).toEqual(apache);
    expect(matching('[ip, user, ...]')).toEqual(apache);
    expect(matching('[..., status_code = 500, ...]')).toEqual([apache[1]]);
    expect(matching('[ip, ..., a, b, c, d, e, f, g]')).toEqual([]);
  });

  it('filters on string and numeric conditions', () => {
    expect(matching('[ip, user, username, timestamp, request, status_code, bytes > 1000]')).toEqual(
      apache.slice(0, 4),
    );
    expect(matching('[ip, user, username, timestamp, request, status_code = 200, bytes]')).toEqual([
      apache[0],
      apache[2],
    ]);
    expect(matching('[ip, user, username, timestamp, request, status_code = 4*, bytes]')).toEqual(
      apache.slice(3),
    );
    expect(matching('[ip, user, username, timestamp, request = *html*, status_code = 4*, bytes]')).toEqual(
      apache.slice(3),
    );
    expect(matching('[ip, user, username, timestamp = "10/Oct/2000:13:25:15 -0700", ...]')).toEqual([
      apache[0],
      apache[3],
    ]);
    expect(matching('[..., request = "GET /index.html HTTP/1.0", status_code, bytes]')).toEqual(
      apache.slice(3),
    );
    expect(matching('[..., request=*.html*, status_code=4*,]')).toEqual(apache.slice(3));
  });

  it('combines conditions in a field with && and ||', () => {
    expect(
      matching('[ip, user, username, timestamp, request, status_code = 4* && status_code != 403, bytes]'),
    ).toEqual([apache[3]]);
    expect(
      matching('[ip, user, username, timestamp, request, status_code = 403 || status_code = 404, bytes]'),
    ).toEqual(apache.slice(3));
    expect(
      matching('[ip, user, username, timestamp, request, status_code = 4* && bytes > 1000, bytes]'),
    ).toEqual([apache[3]]);
  });

  it('matches words by position (OR example)', () => {
    const three = ['ERROR WARN message', 'ERROR message', 'WARN message'];
    expect(matching('[w1=ERROR, w2]', three)).toEqual([three[1]]);
    expect(matching('[w1=ERROR || w1=WARN, w2]', three)).toEqual(three.slice(1));
    expect(matching('[w1!=ERROR&&w1!=WARN, w2]', three)).toEqual([]);
    expect(matching('[w1=ERROR, ...]', three)).toEqual(three.slice(0, 2));
  });

  it('an empty slot is an unnamed field', () => {
    expect(matching('[a,, b]', ['x y z', 'x y'])).toEqual(['x y z']);
    expect(matching('[, w = y]', ['x y', 'y x'])).toEqual(['x y']);
  });

  it('numeric operators need numeric fields', () => {
    expect(matching('[a, b > 1]', ['x 2', 'x two', 'x 1e1', 'x -3'])).toEqual(['x 2', 'x 1e1']);
    expect(matching('[a, b = 2]', ['x 2.0', 'x 02', 'x 2x'])).toEqual(['x 2.0', 'x 02']);
  });

  it.each(['[]', '[a = ]', '[a > x]', '[a b]', '[a = 1 &&]', '[a.b = 1]', '[a = @]', '[a'])(
    'rejects %s',
    (pattern) => {
      expect(() => compileFilterPattern(pattern)).toThrow(InvalidFilterPatternError);
    },
  );
});

describe('space-delimited pattern laws', () => {
  const word = fc.stringMatching(/^[A-Za-z0-9_.-]{1,6}$/);
  const words = fc.array(word, { minLength: 1, maxLength: 6 });

  it('n named fields match exactly the events of n fields; [..., name] matches any non-empty event', () => {
    fc.assert(
      fc.property(words, fc.integer({ min: 1, max: 6 }), (event, count) => {
        const names = Array.from({ length: count }, (_, index) => `f${index}`);
        expect(compileFilterPattern(`[${names.join(', ')}]`)(event.join(' '))).toBe(event.length === count);
        expect(compileFilterPattern('[..., last]')(event.join(' '))).toBe(true);
      }),
    );
  });

  it('a quoted equality on a field holds iff that field equals it', () => {
    fc.assert(
      fc.property(words, word, fc.nat(), (event, value, pick) => {
        const position = pick % event.length;
        const slots = event.map((_, index) => (index === position ? `f = "${value}"` : `g${index}`));
        expect(compileFilterPattern(`[${slots.join(', ')}]`)(event.join(' '))).toBe(
          event[position] === value,
        );
      }),
    );
  });
});
