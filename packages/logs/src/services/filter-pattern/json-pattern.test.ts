import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { compileFilterPattern, InvalidFilterPatternError } from './compile-filter-pattern.js';

const trail = JSON.stringify({
  eventType: 'UpdateTrail',
  sourceIPAddress: '111.111.111.111',
  arrayKey: ['value', 'another value'],
  objectList: [
    { name: 'a', id: 1 },
    { name: 'b', id: 2 },
  ],
  SomeObject: null,
  ThisFlag: true,
});

const users = JSON.stringify({
  user: { id: 1, email: 'John.Stiles@example.com' },
  users: [
    { id: 2, email: 'John.Doe@example.com' },
    { id: 3, email: 'Jane.Doe@example.com' },
  ],
  actions: ['GET', 'PUT', 'DELETE'],
  coordinates: [
    [0, 1, 2],
    [4, 5, 6],
    [7, 8, 9],
  ],
});

const observed = JSON.stringify({
  someString: '111.111.111.111',
  emptyString: '',
  someInt: 123,
  someFloat: 12.34,
  someObject: {},
  someArray: [],
  someEscaped: 'error "message"',
  'detail-type': 'ShopUnavailable',
});

const matches = (pattern: string, message: string): boolean => compileFilterPattern(pattern)(message);

describe('JSON patterns (AWS examples)', () => {
  it.each([
    '{ $.eventType = "UpdateTrail" }',
    '{ $.sourceIPAddress != 123.123.* }',
    '{ $.arrayKey[0] = "value" }',
    '{ $.objectList[1].id = 2 }',
    '{ $.SomeObject IS NULL }',
    '{ $.SomeOtherObject NOT EXISTS }',
    '{ $.ThisFlag IS TRUE }',
    '{$.eventType="UpdateTrail"}',
    '{ $.eventType = Update* }',
    '{ $.eventType = *Trail }',
    '{ $.arrayKey[*] = "another value" }',
    '{ $.objectList[*].name = b }',
  ])('%s matches the example event', (pattern) => {
    expect(matches(pattern, trail)).toBe(true);
  });

  it.each([
    '{ $.eventType = "DeleteTrail" }',
    '{ $.arrayKey[2] = "value" }',
    '{ $.eventType[0] = "UpdateTrail" }',
    '{ $.SomeObject NOT EXISTS }',
    '{ $.eventType IS NULL }',
    '{ $.ThisFlag IS FALSE }',
    '{ $.SomeOtherObject = "x" }',
    '{ $.SomeOtherObject != "x" }',
    '{ $.objectList = 1 }',
    '{ $.objectList != 1 }',
  ])('%s does not match the example event', (pattern) => {
    expect(matches(pattern, trail)).toBe(false);
  });

  it('evaluates compound conditions with () > && > ||', () => {
    expect(matches('{ ($.user.id = 1) && ($.users[0].email = "John.Doe@example.com") }', users)).toBe(true);
    expect(
      matches('{ ($.user.id = 2 && $.users[0].email = "nonmatch") || $.actions[2] = "GET" }', users),
    ).toBe(false);
    expect(
      matches(
        '{ $.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch && $.actions[2] = nomatch }',
        users,
      ),
    ).toBe(true);
    expect(
      matches(
        '{ ($.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch) && $.actions[2] = nomatch }',
        users,
      ),
    ).toBe(false);
    expect(matches('{ $.coordinates[2][0] = 7 }', users)).toBe(true);
  });

  it('OR over two events', () => {
    const events = ['{"foo": "bar"}', '{"foo": "baz"}'];
    expect(events.filter(compileFilterPattern('{$.foo = bar}'))).toEqual([events[0]]);
    expect(events.filter(compileFilterPattern('{$.foo = bar || $.foo = baz }'))).toEqual(events);
  });

  it('compares numbers: integers, decimals, signs and exponents', () => {
    const metrics = JSON.stringify({
      latency: 500,
      numbers: [0.005],
      errorCode: 400,
      processes: [{ averageRuntime: 55.5 }],
    });
    for (const pattern of [
      '{ $.latency >= 500 }',
      '{ $.numbers[0] < 10e3 }',
      '{ $.numbers[0] < 10e-3 }',
      '{ $.processes[0].averageRuntime <= 55.5 }',
      '{ $.errorCode = 400 }',
      '{ $.errorCode != 500 }',
      '{ $.latency > +100 }',
      '{ $.latency > -1.5E2 }',
      '{ $.latency = 500.0 }',
    ]) {
      expect(matches(pattern, metrics), pattern).toBe(true);
    }
    expect(matches('{ $.latency > 500 }', metrics)).toBe(false);
    expect(matches('{ $.latency < 500 }', metrics)).toBe(false);
  });

  it('follows AWS observed behaviour on types', () => {
    expect(matches('{ $.someInt = "123" }', observed)).toBe(true);
    expect(matches('{ $.someInt != "123.0" }', observed)).toBe(true);
    expect(matches('{ $.someInt = 1* }', observed)).toBe(true);
    expect(matches('{ $.someString > 123 }', observed)).toBe(false);
    expect(matches('{ $.someString = 123 }', observed)).toBe(false);
    expect(matches('{ $.emptyString = "*" }', observed)).toBe(true);
    expect(matches('{ $.someObject = "123" }', observed)).toBe(false);
    expect(matches('{ $.someArray != "x" }', observed)).toBe(false);
    expect(matches('{ $.someEscaped = "error \\"message\\"" }', observed)).toBe(true);
    expect(matches('{ $.detail-type = "ShopUnavailable" }', observed)).toBe(true);
    expect(matches('{ $.* = ShopUnavailable }', observed)).toBe(true);
  });

  it('never matches a message that is not a JSON object or array', () => {
    for (const message of [
      'eventType UpdateTrail',
      '"UpdateTrail"',
      '42',
      'null',
      '{"eventType": "UpdateTrail"',
    ]) {
      expect(matches('{ $.eventType = "UpdateTrail" || $.x NOT EXISTS }', message), message).toBe(false);
    }
  });

  it.each([
    '{ }',
    '{ $.a = }',
    '{ $.a == 1 }',
    '{ $.a > "123" }',
    '{ $.a > abc }',
    '{ eventType = 1 }',
    '{ $ = 1 }',
    '{ $[0] = 1 }',
    '{ $.a..b = 1 }',
    '{ $.*.b[*] = 1 }',
    '{ $.a = 1 && }',
    '{ ($.a = 1 }',
    '{ $.a = 1 ) }',
    '{ $.a IS MAYBE }',
    '{ $.a NOT THERE }',
    '{ $.a = foo@bar }',
    '{ $.a = "open }',
    '{ $.a = 1',
  ])('rejects %s', (pattern) => {
    expect(() => compileFilterPattern(pattern)).toThrow(InvalidFilterPatternError);
  });
});

describe('JSON pattern laws', () => {
  const key = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,6}$/);
  const text = fc.string({ maxLength: 10 }).filter((value) => !value.includes('*'));
  const quote = (value: string): string => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

  it('$.key = "value" holds iff the object has that string at key', () => {
    fc.assert(
      fc.property(fc.dictionary(key, fc.oneof(text, fc.integer())), key, text, (object, name, value) => {
        const event = JSON.stringify(object);
        const actual = object[name];
        const present = actual !== undefined;
        expect(matches(`{ $.${name} = ${quote(value)} }`, event)).toBe(present && String(actual) === value);
        expect(matches(`{ $.${name} != ${quote(value)} }`, event)).toBe(present && String(actual) !== value);
        expect(matches(`{ $.${name} NOT EXISTS }`, event)).toBe(!present);
      }),
    );
  });

  it('numeric comparisons agree with JavaScript on numbers', () => {
    const number = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
    fc.assert(
      fc.property(number, number, (left, right) => {
        const event = JSON.stringify({ a: { b: [left] } });
        const literal = String(right);
        expect(matches(`{ $.a.b[0] < ${literal} }`, event)).toBe(left < right);
        expect(matches(`{ $.a.b[0] >= ${literal} }`, event)).toBe(left >= right);
        expect(matches(`{ $.a.b[0] = ${literal} }`, event)).toBe(left === right);
      }),
    );
  });

  it('&& and || agree with the boolean operators', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), (x, y, z) => {
        const event = JSON.stringify({ x, y, z });
        expect(matches('{ $.x IS TRUE || $.y IS TRUE && $.z IS TRUE }', event)).toBe(x || (y && z));
        expect(matches('{ ($.x IS TRUE || $.y IS TRUE) && $.z IS FALSE }', event)).toBe((x || y) && !z);
      }),
    );
  });
});
