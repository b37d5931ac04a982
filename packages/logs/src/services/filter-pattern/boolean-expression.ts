import type { TokenCursor } from './token-cursor.js';

/** `&&`/`||` over leaves, with parentheses; `&&` binds tighter than `||` (AWS: () > && > ||). */
export type BooleanExpression<Leaf> =
  | { readonly kind: 'leaf'; readonly leaf: Leaf }
  | {
      readonly kind: 'and' | 'or';
      readonly left: BooleanExpression<Leaf>;
      readonly right: BooleanExpression<Leaf>;
    };

type LeafParser<Leaf> = (cursor: TokenCursor) => Leaf;

function parsePrimary<Leaf>(cursor: TokenCursor, parseLeaf: LeafParser<Leaf>): BooleanExpression<Leaf> {
  if (cursor.peek().kind !== 'lparen') return { kind: 'leaf', leaf: parseLeaf(cursor) };
  cursor.next();
  const inner = parseBooleanExpression(cursor, parseLeaf);
  cursor.expect('rparen', "')'");
  return inner;
}

function parseAnd<Leaf>(cursor: TokenCursor, parseLeaf: LeafParser<Leaf>): BooleanExpression<Leaf> {
  let left = parsePrimary(cursor, parseLeaf);
  while (cursor.peek().kind === 'and') {
    cursor.next();
    left = { kind: 'and', left, right: parsePrimary(cursor, parseLeaf) };
  }
  return left;
}

/** Parses `a && b || (c || d)`; stops before the first token that cannot continue it. */
export function parseBooleanExpression<Leaf>(
  cursor: TokenCursor,
  parseLeaf: LeafParser<Leaf>,
): BooleanExpression<Leaf> {
  let left = parseAnd(cursor, parseLeaf);
  while (cursor.peek().kind === 'or') {
    cursor.next();
    left = { kind: 'or', left, right: parseAnd(cursor, parseLeaf) };
  }
  return left;
}

export function evaluateBooleanExpression<Leaf>(
  expression: BooleanExpression<Leaf>,
  test: (leaf: Leaf) => boolean,
): boolean {
  switch (expression.kind) {
    case 'leaf':
      return test(expression.leaf);
    case 'and':
      return (
        evaluateBooleanExpression(expression.left, test) && evaluateBooleanExpression(expression.right, test)
      );
    case 'or':
      return (
        evaluateBooleanExpression(expression.left, test) || evaluateBooleanExpression(expression.right, test)
      );
  }
}

/** Every leaf, left to right. */
export function leavesOf<Leaf>(expression: BooleanExpression<Leaf>): Leaf[] {
  return expression.kind === 'leaf'
    ? [expression.leaf]
    : [...leavesOf(expression.left), ...leavesOf(expression.right)];
}
