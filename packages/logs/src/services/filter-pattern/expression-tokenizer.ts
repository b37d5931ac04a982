import { InvalidFilterPatternError } from './invalid-filter-pattern-error.js';

/**
 * Tokens of the inside of a JSON (`{ … }`) or space-delimited (`[ … ]`) pattern.
 * - `selector`: `$` and what follows it (`$.a.b[0]`, `$.*`), checked by the selector parser;
 * - `word`: an unquoted name or value: letters, digits and `_ - + . *` (AWS: other characters
 *   must be quoted); `...` is the `ellipsis`;
 * - `string`: a double-quoted value, with `\"` and `\\` escapes (impl: any other backslash
 *   stays as written).
 */
export type TokenKind =
  'selector' | 'word' | 'string' | 'op' | 'and' | 'or' | 'lparen' | 'rparen' | 'comma' | 'ellipsis' | 'end';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** Offset in the whole pattern. */
  readonly at: number;
}

const WORD = /[A-Za-z0-9_+\-.*]/;
const SELECTOR = /[A-Za-z0-9_\-.*[\]$]/;
const SPACE = /\s/;
const OPERATORS = ['!=', '<=', '>=', '=', '<', '>'];
const PUNCTUATION: Record<string, TokenKind> = {
  '&&': 'and',
  '||': 'or',
  '(': 'lparen',
  ')': 'rparen',
  ',': 'comma',
};

function readWhile(source: string, from: number, allowed: RegExp): number {
  let end = from;
  while (end < source.length && allowed.test(source.charAt(end))) end += 1;
  return end;
}

function readString(source: string, from: number, offset: number): { text: string; end: number } {
  let text = '';
  for (let at = from + 1; at < source.length; at += 1) {
    const char = source.charAt(at);
    if (char === '"') return { text, end: at + 1 };
    const next = source.charAt(at + 1);
    if (char === '\\' && (next === '"' || next === '\\')) {
      text += next;
      at += 1;
    } else {
      text += char;
    }
  }
  throw new InvalidFilterPatternError('unterminated quoted string', offset + from);
}

/** Splits `source` (found at `offset` in the pattern) into tokens, ending with an `end` token. */
export function tokenizeExpression(source: string, offset: number): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const char = source.charAt(at);
    const two = source.slice(at, at + 2);
    if (SPACE.test(char)) {
      at += 1;
    } else if (char === '"') {
      const { text, end } = readString(source, at, offset);
      tokens.push({ kind: 'string', text, at: offset + at });
      at = end;
    } else if (PUNCTUATION[two] !== undefined || PUNCTUATION[char] !== undefined) {
      const text = PUNCTUATION[two] !== undefined ? two : char;
      tokens.push({ kind: PUNCTUATION[text] ?? 'end', text, at: offset + at });
      at += text.length;
    } else if (OPERATORS.some((op) => source.startsWith(op, at))) {
      const text = OPERATORS.find((op) => source.startsWith(op, at)) ?? '';
      tokens.push({ kind: 'op', text, at: offset + at });
      at += text.length;
    } else if (char === '$') {
      const end = readWhile(source, at, SELECTOR);
      tokens.push({ kind: 'selector', text: source.slice(at, end), at: offset + at });
      at = end;
    } else if (WORD.test(char)) {
      const end = readWhile(source, at, WORD);
      const text = source.slice(at, end);
      tokens.push({ kind: text === '...' ? 'ellipsis' : 'word', text, at: offset + at });
      at = end;
    } else {
      throw new InvalidFilterPatternError(
        `unexpected character '${char}' (quote values that contain it)`,
        offset + at,
      );
    }
  }
  tokens.push({ kind: 'end', text: '', at: offset + source.length });
  return tokens;
}
