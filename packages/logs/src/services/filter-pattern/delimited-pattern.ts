import { evaluateBooleanExpression, leavesOf, parseBooleanExpression } from './boolean-expression.js';
import type { BooleanExpression } from './boolean-expression.js';
import { compareField, isNumericOnly } from './comparison.js';
import type { ComparisonOperator } from './comparison.js';
import { tokenizeExpression } from './expression-tokenizer.js';
import { InvalidFilterPatternError } from './invalid-filter-pattern-error.js';
import { literal } from './literal.js';
import type { Literal } from './literal.js';
import { splitDelimitedMessage } from './split-delimited-message.js';
import { TokenCursor, unexpected } from './token-cursor.js';

/** `name op value`, as in `status_code = 4*`. */
export interface FieldCondition {
  readonly name: string;
  readonly op: ComparisonOperator;
  readonly value: Literal;
}

/** One slot of `[ip, user, ..., status_code = 4* && status_code != 403, bytes]`. */
export type DelimitedField =
  | { readonly kind: 'ellipsis' }
  | {
      readonly kind: 'field';
      readonly name: string;
      readonly condition: BooleanExpression<FieldCondition> | undefined;
    };

const NAME = /^[A-Za-z0-9_]+$/;

function parseName(cursor: TokenCursor): string {
  const token = cursor.expect('word', 'a field name');
  if (!NAME.test(token.text))
    throw new InvalidFilterPatternError(`invalid field name '${token.text}'`, token.at);
  return token.text;
}

function parseFieldCondition(cursor: TokenCursor): FieldCondition {
  const name = parseName(cursor);
  const opToken = cursor.expect('op', `an operator after '${name}'`);
  const op = opToken.text as ComparisonOperator;
  const token = cursor.next();
  if (token.kind !== 'word' && token.kind !== 'string') throw unexpected(token, 'a value');
  const value = literal(token.text, token.kind === 'string');
  if (isNumericOnly(op) && value.number === undefined) {
    throw new InvalidFilterPatternError(`'${op}' needs a number, found '${token.text}'`, token.at);
  }
  return { name, op, value };
}

function parseField(cursor: TokenCursor): DelimitedField {
  if (cursor.peek().kind === 'ellipsis') {
    cursor.next();
    return { kind: 'ellipsis' };
  }
  const [first, second] = [cursor.peek(), cursor.peekAfter()];
  if (first.kind === 'word' && second.kind !== 'op')
    return { kind: 'field', name: parseName(cursor), condition: undefined };
  const condition = parseBooleanExpression(cursor, parseFieldCondition);
  const firstLeaf = leavesOf(condition)[0];
  return { kind: 'field', name: firstLeaf?.name ?? '', condition };
}

/**
 * Parses the inside of `[ … ]`. An empty slot is a field without a name: AWS's example
 * `[..., request=*.html*, status_code=4*,]` extracts a seventh field `$7` from a seven-field
 * event through its trailing comma. (impl) Parentheses may group a slot's conditions.
 */
export function parseDelimitedPattern(body: string, offset: number): DelimitedField[] {
  const cursor = new TokenCursor(tokenizeExpression(body, offset));
  if (cursor.peek().kind === 'end')
    throw new InvalidFilterPatternError('a space-delimited pattern names no field', offset);
  const fields: DelimitedField[] = [parseSlot(cursor)];
  while (cursor.peek().kind === 'comma') {
    cursor.next();
    fields.push(parseSlot(cursor));
  }
  cursor.expect('end', "',' or ']'");
  return fields;
}

function parseSlot(cursor: TokenCursor): DelimitedField {
  const next = cursor.peek().kind;
  return next === 'comma' || next === 'end'
    ? { kind: 'field', name: '', condition: undefined }
    : parseField(cursor);
}

/** Slot index → the event field laid over it. */
export type Binding = ReadonlyMap<number, string>;

/** Every way of laying the pattern's slots over the event's fields (`...` takes zero or more). */
function* alignments(
  pattern: readonly DelimitedField[],
  fields: readonly string[],
  slot = 0,
  field = 0,
  bound: Binding = new Map(),
): Generator<Binding> {
  const current = pattern[slot];
  if (current === undefined) {
    if (field === fields.length) yield bound;
    return;
  }
  if (current.kind === 'ellipsis') {
    for (let skip = fields.length; skip >= field; skip -= 1)
      yield* alignments(pattern, fields, slot + 1, skip, bound);
    return;
  }
  const value = fields[field];
  if (value !== undefined)
    yield* alignments(pattern, fields, slot + 1, field + 1, new Map(bound).set(slot, value));
}

/**
 * (impl) A condition names a field (`bytes > 1000`): a name declared by another slot of the
 * pattern reads that slot, as in AWS's `status_code = 4* && bytes > 1000`; any other name reads
 * the slot the condition is written in.
 */
function slotsHold(pattern: readonly DelimitedField[], bound: Binding): boolean {
  const slotOf = new Map<string, number>();
  pattern.forEach((slot, index) => {
    if (slot.kind === 'field' && slot.name !== '' && !slotOf.has(slot.name)) slotOf.set(slot.name, index);
  });
  return pattern.every((slot, index) => {
    if (slot.kind === 'ellipsis' || slot.condition === undefined) return true;
    return evaluateBooleanExpression(slot.condition, (condition) => {
      const value = bound.get(slotOf.get(condition.name) ?? index) ?? bound.get(index) ?? '';
      return compareField(condition.op, value, condition.value);
    });
  });
}

/** The first way of laying the pattern over the event that satisfies it, or undefined. */
export function matchDelimitedPattern(
  pattern: readonly DelimitedField[],
  message: string,
): Binding | undefined {
  const fields = splitDelimitedMessage(message);
  for (const bound of alignments(pattern, fields)) if (slotsHold(pattern, bound)) return bound;
  return undefined;
}

export function matchesDelimitedPattern(pattern: readonly DelimitedField[], message: string): boolean {
  return matchDelimitedPattern(pattern, message) !== undefined;
}
