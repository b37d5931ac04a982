import type { Token, TokenKind } from './expression-tokenizer.js';
import { InvalidFilterPatternError } from './invalid-filter-pattern-error.js';

/** Reads a token list front to back; the list always ends with an `end` token. */
export class TokenCursor {
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  peek(): Token {
    const token = this.tokens[Math.min(this.index, this.tokens.length - 1)];
    if (token === undefined) throw new InvalidFilterPatternError('empty expression');
    return token;
  }

  /** The token after the next one. */
  peekAfter(): Token {
    const token = this.tokens[Math.min(this.index + 1, this.tokens.length - 1)];
    return token ?? this.peek();
  }

  next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index += 1;
    return token;
  }

  /** Consumes the next token if it has `kind`, else fails naming `expected`. */
  expect(kind: TokenKind, expected: string): Token {
    const token = this.peek();
    if (token.kind !== kind) throw unexpected(token, expected);
    return this.next();
  }
}

export function unexpected(token: Token, expected: string): InvalidFilterPatternError {
  const found = token.kind === 'end' ? 'end of expression' : `'${token.text}'`;
  return new InvalidFilterPatternError(`expected ${expected}, found ${found}`, token.at);
}
