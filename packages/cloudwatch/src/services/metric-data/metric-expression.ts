/**
 * The metric math language Berth evaluates (pure): numbers, query ids, strings, `+ - * /`,
 * unary minus, parentheses, lists `[a, b]`, keywords (REPEAT) and calls `NAME(args)`.
 * parseExpression throws ExpressionError with the position of what it could not read.
 */
export type Expression =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'ref'; readonly id: string }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'keyword'; readonly name: string }
  | { readonly kind: 'list'; readonly items: readonly Expression[] }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expression[] }
  | { readonly kind: 'negate'; readonly operand: Expression }
  | {
      readonly kind: 'binary';
      readonly op: '+' | '-' | '*' | '/';
      readonly left: Expression;
      readonly right: Expression;
    };

export class ExpressionError extends Error {}

type Token =
  | { readonly type: 'number'; readonly value: number; readonly at: number }
  | { readonly type: 'name' | 'string' | 'punct'; readonly text: string; readonly at: number };

const tokenize = (source: string): Token[] => {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i += 1;
    } else if (/[0-9.]/.test(c)) {
      const match = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(source.slice(i));
      if (!match) throw new ExpressionError(`Unexpected character '${c}' at position ${i + 1}.`);
      tokens.push({ type: 'number', value: Number(match[0]), at: i });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i))![0];
      tokens.push({ type: 'name', text: name, at: i });
      i += name.length;
    } else if (c === "'" || c === '"') {
      const close = source.indexOf(c, i + 1);
      if (close < 0) throw new ExpressionError(`Unterminated string at position ${i + 1}.`);
      tokens.push({ type: 'string', text: source.slice(i + 1, close), at: i });
      i = close + 1;
    } else if ('+-*/(),[]'.includes(c)) {
      tokens.push({ type: 'punct', text: c, at: i });
      i += 1;
    } else {
      throw new ExpressionError(`Unexpected character '${c}' at position ${i + 1}.`);
    }
  }
  return tokens;
};

class Parser {
  private i = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  parse(): Expression {
    const expression = this.sum();
    const extra = this.tokens[this.i];
    if (extra) throw new ExpressionError(`Unexpected token at position ${extra.at + 1}.`);
    return expression;
  }

  private peekPunct(text: string): boolean {
    const t = this.tokens[this.i];
    return t?.type === 'punct' && t.text === text;
  }

  private expect(text: string): void {
    if (!this.peekPunct(text)) {
      const t = this.tokens[this.i];
      throw new ExpressionError(`Expected '${text}' ${t ? `at position ${t.at + 1}` : 'at the end'}.`);
    }
    this.i += 1;
  }

  private sum(): Expression {
    let left = this.product();
    while (this.peekPunct('+') || this.peekPunct('-')) {
      const op = (this.tokens[this.i++] as { text: '+' | '-' }).text;
      left = { kind: 'binary', op, left, right: this.product() };
    }
    return left;
  }

  private product(): Expression {
    let left = this.unary();
    while (this.peekPunct('*') || this.peekPunct('/')) {
      const op = (this.tokens[this.i++] as { text: '*' | '/' }).text;
      left = { kind: 'binary', op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): Expression {
    if (this.peekPunct('-')) {
      this.i += 1;
      return { kind: 'negate', operand: this.unary() };
    }
    return this.primary();
  }

  private items(close: string): Expression[] {
    const items: Expression[] = [];
    if (this.peekPunct(close)) {
      this.i += 1;
      return items;
    }
    for (;;) {
      items.push(this.sum());
      if (this.peekPunct(',')) this.i += 1;
      else break;
    }
    this.expect(close);
    return items;
  }

  private primary(): Expression {
    const t = this.tokens[this.i];
    if (!t) throw new ExpressionError('Unexpected end of expression.');
    this.i += 1;
    if (t.type === 'number') return { kind: 'number', value: t.value };
    if (t.type === 'string') return { kind: 'string', value: t.text };
    if (t.type === 'name') {
      if (this.peekPunct('(')) {
        this.i += 1;
        return { kind: 'call', name: t.text.toUpperCase(), args: this.items(')') };
      }
      return /^[a-z]/.test(t.text)
        ? { kind: 'ref', id: t.text }
        : { kind: 'keyword', name: t.text.toUpperCase() };
    }
    if (t.text === '(') {
      const inner = this.sum();
      this.expect(')');
      return inner;
    }
    if (t.text === '[') return { kind: 'list', items: this.items(']') };
    throw new ExpressionError(`Unexpected '${t.text}' at position ${t.at + 1}.`);
  }
}

export const parseExpression = (source: string): Expression => new Parser(tokenize(source)).parse();

/** The query ids an expression reads. */
export const referencesOf = (expression: Expression): string[] => {
  switch (expression.kind) {
    case 'ref':
      return [expression.id];
    case 'list':
      return expression.items.flatMap(referencesOf);
    case 'call':
      return expression.args.flatMap(referencesOf);
    case 'negate':
      return referencesOf(expression.operand);
    case 'binary':
      return [...referencesOf(expression.left), ...referencesOf(expression.right)];
    default:
      return [];
  }
};
