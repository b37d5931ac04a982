import { evaluateBooleanExpression, leavesOf, parseBooleanExpression } from './boolean-expression.js';
import type { BooleanExpression } from './boolean-expression.js';
import { compareJsonValue, isNumericOnly } from './comparison.js';
import type { ComparisonOperator } from './comparison.js';
import { tokenizeExpression } from './expression-tokenizer.js';
import { InvalidFilterPatternError } from './invalid-filter-pattern-error.js';
import { parseSelector, selectValues } from './json-selector.js';
import type { SelectorStep } from './json-selector.js';
import { literal } from './literal.js';
import type { Literal } from './literal.js';
import { TokenCursor, unexpected } from './token-cursor.js';

/** One JSON condition: `$.a = value`, `$.a IS NULL|TRUE|FALSE`, `$.a NOT EXISTS`. */
export type JsonCondition =
  | {
      readonly kind: 'compare';
      readonly selector: SelectorStep[];
      readonly op: ComparisonOperator;
      readonly value: Literal;
    }
  | { readonly kind: 'is'; readonly selector: SelectorStep[]; readonly value: null | true | false }
  | { readonly kind: 'notExists'; readonly selector: SelectorStep[] };

const IS_VALUES: Record<string, null | boolean> = { NULL: null, TRUE: true, FALSE: false };

// (impl) Keywords are read case-insensitively; AWS documents them in capitals.
const keyword = (cursor: TokenCursor, expected: string): string =>
  cursor.expect('word', expected).text.toUpperCase();

function parseValue(cursor: TokenCursor, op: ComparisonOperator): Literal {
  const token = cursor.next();
  if (token.kind !== 'word' && token.kind !== 'string') throw unexpected(token, 'a value');
  const value = literal(token.text, token.kind === 'string');
  if (isNumericOnly(op) && value.number === undefined) {
    throw new InvalidFilterPatternError(`'${op}' needs a number, found '${token.text}'`, token.at);
  }
  return value;
}

function parseCondition(cursor: TokenCursor): JsonCondition {
  const token = cursor.expect('selector', 'a selector such as $.field');
  const selector = parseSelector(token.text, token.at);
  const next = cursor.peek();
  if (next.kind === 'op') {
    cursor.next();
    const op = next.text as ComparisonOperator;
    return { kind: 'compare', selector, op, value: parseValue(cursor, op) };
  }
  const first = keyword(cursor, 'an operator, IS or NOT EXISTS');
  if (first === 'NOT' && keyword(cursor, 'EXISTS') === 'EXISTS') return { kind: 'notExists', selector };
  const second = first === 'IS' ? keyword(cursor, 'NULL, TRUE or FALSE') : '';
  const value = IS_VALUES[second];
  if (value === undefined)
    throw new InvalidFilterPatternError(`expected an operator, IS or NOT EXISTS`, next.at);
  return { kind: 'is', selector, value };
}

/** Parses the inside of `{ … }`, which starts at `offset` in the pattern. */
export function parseJsonPattern(body: string, offset: number): BooleanExpression<JsonCondition> {
  const cursor = new TokenCursor(tokenizeExpression(body, offset));
  const expression = parseBooleanExpression(cursor, parseCondition);
  cursor.expect('end', "'&&', '||' or '}'");
  return expression;
}

function holds(condition: JsonCondition, root: unknown): boolean {
  const values = selectValues(root, condition.selector);
  switch (condition.kind) {
    case 'notExists':
      return values.length === 0;
    case 'is':
      return values.some((value) => value === condition.value);
    case 'compare':
      return values.some((value) => compareJsonValue(condition.op, value, condition.value));
  }
}

/** The selectors the expression's conditions test, left to right. */
export const selectorsOf = (expression: BooleanExpression<JsonCondition>): SelectorStep[][] =>
  leavesOf(expression).map((condition) => condition.selector);

export function parseEvent(message: string): unknown {
  try {
    return JSON.parse(message) as unknown;
  } catch {
    return undefined;
  }
}

/** True when `message` is a JSON object or array satisfying the expression. */
export function matchesJsonPattern(expression: BooleanExpression<JsonCondition>, message: string): boolean {
  return matchJsonPattern(expression, message) !== undefined;
}

/** The parsed event when it is a JSON object or array satisfying the expression, else undefined. */
export function matchJsonPattern(
  expression: BooleanExpression<JsonCondition>,
  message: string,
): object | undefined {
  const root = parseEvent(message);
  if (typeof root !== 'object' || root === null) return undefined;
  return evaluateBooleanExpression(expression, (condition) => holds(condition, root)) ? root : undefined;
}
