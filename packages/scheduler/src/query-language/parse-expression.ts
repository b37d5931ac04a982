/**
 * Parser for the ECS cluster query language.
 *
 *   expression := or
 *   or         := and (('||' | 'or') and)*
 *   and        := unary (('&&' | 'and') unary)*
 *   unary      := ('!' | 'not') unary | '(' expression ')' | comparison
 *   comparison := subject operator [argument | '[' argument, ... ']']
 *
 * So `!`/`not` binds tighter than `&&`/`and`, which binds tighter than `||`/`or`. Keywords and
 * word operators are case-insensitive. Errors are InvalidParameterException.
 */
import { invalidParameter } from '@berth/core';

import type { QueryExpression } from './query-expression.js';
import { QueryScanner } from './query-scanner.js';
import { readComparison } from './read-comparison.js';

export const MAX_EXPRESSION_LENGTH = 2000;

/** `!` (but not `!=` or `!~`) or the keyword `not`. */
const consumeNot = (scanner: QueryScanner): boolean => {
  if (scanner.peek() === '!' && scanner.peek(1) !== '=' && scanner.peek(1) !== '~') {
    scanner.position++;
    return true;
  }
  return scanner.consumeKeyword('not');
};

const parseUnary = (scanner: QueryScanner): QueryExpression => {
  scanner.skipSpace();
  if (consumeNot(scanner)) return { kind: 'not', operand: parseUnary(scanner) };
  if (scanner.consume('(')) {
    const inner = parseOr(scanner);
    scanner.skipSpace();
    if (!scanner.consume(')')) scanner.fail(`expected ')' but found ${scanner.describeNext()}`);
    return inner;
  }
  return readComparison(scanner);
};

const parseAnd = (scanner: QueryScanner): QueryExpression => {
  let left = parseUnary(scanner);
  for (;;) {
    scanner.skipSpace();
    if (!scanner.consume('&&') && !scanner.consumeKeyword('and')) return left;
    left = { kind: 'and', left, right: parseUnary(scanner) };
  }
};

const parseOr = (scanner: QueryScanner): QueryExpression => {
  let left = parseAnd(scanner);
  for (;;) {
    scanner.skipSpace();
    if (!scanner.consume('||') && !scanner.consumeKeyword('or')) return left;
    left = { kind: 'or', left, right: parseAnd(scanner) };
  }
};

/** Parses `text`, throwing InvalidParameterException with the position of the first error. */
export const parseExpression = (text: string): QueryExpression => {
  if (text.length > MAX_EXPRESSION_LENGTH) {
    throw invalidParameter(
      `Invalid cluster query expression: it is ${text.length} characters long; the maximum is ${MAX_EXPRESSION_LENGTH}.`,
    );
  }
  const scanner = new QueryScanner(text);
  scanner.skipSpace();
  if (scanner.atEnd()) throw invalidParameter('Invalid cluster query expression: the expression is empty.');
  const expression = parseOr(scanner);
  scanner.skipSpace();
  if (!scanner.atEnd()) scanner.fail(`unexpected ${scanner.describeNext()}`);
  return expression;
};
