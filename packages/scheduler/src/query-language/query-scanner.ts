/**
 * A cursor over expression text for the recursive-descent parser. Every syntax error goes through
 * `fail`, which throws InvalidParameterException naming the 1-based position.
 */
import { invalidParameter } from '@berth/core';
import type { ApiError } from '@berth/core';

const WORD_CHAR = /[A-Za-z0-9_]/;
const SPACE = /\s/;

export class QueryScanner {
  position = 0;

  constructor(readonly text: string) {}

  atEnd(): boolean {
    return this.position >= this.text.length;
  }

  /** The character `offset` places ahead, or '' past the end. */
  peek(offset = 0): string {
    return this.text.charAt(this.position + offset);
  }

  skipSpace(): void {
    while (!this.atEnd() && SPACE.test(this.peek())) this.position++;
  }

  startsWith(literal: string): boolean {
    return this.text.startsWith(literal, this.position);
  }

  /** Consumes `literal` if the text continues with it. */
  consume(literal: string): boolean {
    if (!this.startsWith(literal)) return false;
    this.position += literal.length;
    return true;
  }

  /** Consumes `word` (any case) if it follows and is not the start of a longer word. */
  consumeKeyword(word: string): boolean {
    const end = this.position + word.length;
    if (this.text.slice(this.position, end).toLowerCase() !== word) return false;
    if (WORD_CHAR.test(this.text.charAt(end))) return false;
    this.position = end;
    return true;
  }

  /** Reads the longest run of characters satisfying `accept`. */
  readWhile(accept: (char: string) => boolean): string {
    const start = this.position;
    while (!this.atEnd() && accept(this.peek())) this.position++;
    return this.text.slice(start, this.position);
  }

  /** A short description of what comes next, for error messages. */
  describeNext(): string {
    if (this.atEnd()) return 'end of expression';
    const rest = this.text.slice(this.position);
    const token = /^\S+/.exec(rest)?.[0] ?? rest;
    return `'${token.length > 20 ? `${token.slice(0, 20)}...` : token}'`;
  }

  fail(message: string, at = this.position): never {
    throw this.error(message, at);
  }

  error(message: string, at = this.position): ApiError {
    return invalidParameter(`Invalid cluster query expression at position ${at + 1}: ${message}.`);
  }
}
