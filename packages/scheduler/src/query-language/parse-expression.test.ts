import { ApiError } from '@berth/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { parseExpression } from './parse-expression.js';

const parseError = (text: string): ApiError => {
  try {
    parseExpression(text);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
};

describe('parseExpression', () => {
  it('builds the tree with ! over && over ||', () => {
    expect(parseExpression('runningTasksCount == 1 || !task:group == a && attribute:x exists')).toEqual({
      kind: 'or',
      left: { kind: 'comparison', subject: { kind: 'runningTasksCount' }, operator: '==', values: [1] },
      right: {
        kind: 'and',
        left: {
          kind: 'not',
          operand: { kind: 'comparison', subject: { kind: 'taskGroup' }, operator: '==', values: ['a'] },
        },
        right: {
          kind: 'comparison',
          subject: { kind: 'attribute', name: 'x' },
          operator: 'exists',
          values: [],
        },
      },
    });
  });

  it('maps word operators to symbols', () => {
    const operatorOf = (text: string): unknown => (parseExpression(text) as { operator: string }).operator;
    expect(operatorOf('attribute:a equals b')).toBe('==');
    expect(operatorOf('attribute:a not_equals b')).toBe('!=');
    expect(operatorOf('attribute:a greater_than b')).toBe('>');
    expect(operatorOf('attribute:a greater_than_equal b')).toBe('>=');
    expect(operatorOf('attribute:a less_than b')).toBe('<');
    expect(operatorOf('attribute:a less_than_equal b')).toBe('<=');
    expect(operatorOf('attribute:a exists')).toBe('exists');
    expect(operatorOf('attribute:a !exists')).toBe('!exists');
    expect(operatorOf('attribute:a not_exists')).toBe('!exists');
    expect(operatorOf('attribute:a in [b]')).toBe('in');
    expect(operatorOf('attribute:a !in [b]')).toBe('!in');
    expect(operatorOf('attribute:a not_in [b]')).toBe('!in');
    expect(operatorOf('attribute:a matches b')).toBe('=~');
    expect(operatorOf('attribute:a not_matches b')).toBe('!~');
  });

  it('reads quoted, bare and list arguments', () => {
    expect(parseExpression("attribute:stack == 'prod env'")).toMatchObject({ values: ['prod env'] });
    expect(parseExpression('attribute:stack == "it\\"s"')).toMatchObject({ values: ['it"s'] });
    expect(parseExpression('task:group == service:production')).toMatchObject({
      values: ['service:production'],
    });
    expect(parseExpression('attribute:path == /a/b_c-d.e*')).toMatchObject({ values: ['/a/b_c-d.e*'] });
    expect(parseExpression('ec2InstanceId in [\'i-1\', "i-2", i-3]')).toMatchObject({
      values: ['i-1', 'i-2', 'i-3'],
    });
    expect(parseExpression('attribute:a in []')).toMatchObject({ values: [] });
    expect(parseExpression('not(task:group == database)')).toMatchObject({
      kind: 'not',
      operand: { values: ['database'] },
    });
  });

  it('converts registeredAt dates and runningTasksCount numbers', () => {
    expect(parseExpression('registeredAt < 2018-02-13')).toMatchObject({ values: [1518480000] });
    expect(parseExpression('runningTasksCount >= 2')).toMatchObject({
      values: [2],
    });
  });

  it('rejects syntax errors with InvalidParameterException', () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['   ', /empty/],
      ['attribute:a', /expected an operator/],
      ['attribute:a ==', /expected a value/],
      ['attribute:a == b c', /position 18: unexpected 'c'/],
      ['attribute: == b', /attribute name/],
      ['instanceType == b', /unknown subject 'instanceType'/],
      ['attribute:a === b', /expected a value/],
      ['attribute:a like b', /expected an operator/],
      ['(attribute:a == b', /expected '\)'/],
      ['attribute:a == b)', /unexpected '\)'/],
      ['attribute:a in b', /expected '\['/],
      ['attribute:a in [b c]', /expected ',' or '\]'/],
      ['attribute:a in [b,', /expected a value/],
      ["attribute:a == 'b", /unterminated string/],
      ['attribute:a =~ [', /invalid regular expression/],
      ['attribute:a == b and', /expected a subject/],
      ['attribute:a == b ||| attribute:b == c', /expected a subject/],
      ['and attribute:a == b', /unknown subject 'and'/],
      ['registeredAt < yesterday', /not a date/],
      ['registeredAt < 2018-02-30', /not a date/],
      ['runningTasksCount > many', /not a task count/],
      ['runningTasksCount in [1]', /cannot be used with runningTasksCount/],
      ['agentConnected > true', /cannot be used with agentConnected/],
      ['agentVersion =~ 1.*', /cannot be used with agentVersion/],
      ['ec2InstanceId exists', /cannot be used with ec2InstanceId/],
      ['not', /expected a subject/],
      ['!= b', /expected a subject/],
    ];
    for (const [text, message] of cases) {
      const error = parseError(text);
      expect(error.code, text).toBe('InvalidParameterException');
      expect(error.httpStatus).toBe(400);
      expect(error.message, text).toMatch(message);
    }
  });

  it('rejects expressions over 2000 characters', () => {
    const long = `attribute:a == ${'x'.repeat(1990)}`;
    expect(() => parseExpression(long.slice(0, 2000))).not.toThrow();
    expect(parseError(`${long} `).message).toMatch(/maximum is 2000/);
  });

  it('fails only with InvalidParameterException on arbitrary input', () => {
    const pieces = fc.constantFrom(
      'attribute:a',
      'task:group',
      'runningTasksCount',
      'registeredAt',
      '==',
      '!=',
      '=~',
      'in',
      '!in',
      'exists',
      '[',
      ']',
      ',',
      '(',
      ')',
      '!',
      'not',
      'and',
      '||',
      "'",
      'x',
      '2018-01-01',
      '1',
      ' ',
      '*',
      '\\',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(pieces).map((p) => p.join(' ')),
        ),
        (text) => {
          try {
            parseExpression(text);
          } catch (error) {
            expect(error).toBeInstanceOf(ApiError);
            expect((error as ApiError).code).toBe('InvalidParameterException');
          }
        },
      ),
    );
  });
});
