import { parseNumber } from './literal.js';
import type { Literal } from './literal.js';
import { wildcardMatch } from './wildcard-match.js';

export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

export const isNumericOnly = (op: ComparisonOperator): boolean => op !== '=' && op !== '!=';

function compareNumbers(op: ComparisonOperator, left: number, right: number): boolean {
  switch (op) {
    case '=':
      return left === right;
    case '!=':
      return left !== right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
  }
}

/**
 * Compares a JSON value node with a literal. Only strings and numbers are value nodes: objects,
 * arrays, booleans and null never match, with `=` or with `!=` (AWS: "The SELECTOR must point to
 * a value node (string or number)").
 * - `<`, `<=`, `>`, `>=` need a number in the event; a string never matches.
 * - `=`/`!=` with an unquoted number compare numerically with a number (`123.0` equals `123`);
 *   anything else compares text, wildcards included (`"123"` equals `123`, `1*` matches `123`).
 *   (impl) A number's text is JavaScript's rendering of it, so `12.0` in the event reads `12`.
 */
export function compareJsonValue(op: ComparisonOperator, value: unknown, right: Literal): boolean {
  if (typeof value !== 'string' && typeof value !== 'number') return false;
  if (isNumericOnly(op)) return typeof value === 'number' && compareNumbers(op, value, right.number ?? NaN);
  const equal =
    typeof value === 'number' && right.number !== undefined
      ? value === right.number
      : wildcardMatch(right.text, String(value));
  return op === '=' ? equal : !equal;
}

/**
 * Compares one field of a space-delimited event (always text) with a literal. Numeric operators
 * need the field to read as a number; `=`/`!=` compare numerically when both sides are numbers
 * (`200` equals `200.0`, impl), and as text with wildcards otherwise.
 */
export function compareField(op: ComparisonOperator, field: string, right: Literal): boolean {
  const asNumber = parseNumber(field);
  if (isNumericOnly(op)) return asNumber !== undefined && compareNumbers(op, asNumber, right.number ?? NaN);
  const equal =
    asNumber !== undefined && right.number !== undefined
      ? asNumber === right.number
      : wildcardMatch(right.text, field);
  return op === '=' ? equal : !equal;
}
