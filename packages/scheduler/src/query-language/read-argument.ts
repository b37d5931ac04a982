/**
 * Reads operator arguments: a quoted string ('...' or "...", where a backslash escapes only the
 * quote character), or a bare word. A bare word runs to the next space, `&&`, `||`, or an
 * unbalanced `)`; inside a list also to `,` or `]`. So regular expressions such as `g2.*` or
 * `(t2|m4)\..*` need no quotes (a bare word may not start with `=`, `<`, `>` or `~`), and `not(task:group == database)` still closes its parenthesis.
 */
import type { QueryScanner } from './query-scanner.js';

const readQuoted = (scanner: QueryScanner): string => {
  const start = scanner.position;
  const quote = scanner.peek();
  scanner.position++;
  let value = '';
  while (!scanner.atEnd()) {
    const char = scanner.peek();
    if (char === '\\' && scanner.peek(1) === quote) {
      value += quote;
      scanner.position += 2;
    } else if (char === quote) {
      scanner.position++;
      return value;
    } else {
      value += char;
      scanner.position++;
    }
  }
  return scanner.fail(`unterminated string starting with ${quote}`, start);
};

const readBare = (scanner: QueryScanner, inList: boolean): string => {
  const start = scanner.position;
  let depth = 0;
  while (!scanner.atEnd()) {
    const char = scanner.peek();
    if (/\s/.test(char) || scanner.startsWith('&&') || scanner.startsWith('||')) break;
    if (inList && depth === 0 && (char === ',' || char === ']')) break;
    if (char === '(') depth++;
    if (char === ')') {
      if (depth === 0) break;
      depth--;
    }
    scanner.position++;
  }
  return scanner.text.slice(start, scanner.position);
};

/** One argument value; fails when none follows. */
export const readArgument = (scanner: QueryScanner, inList = false): string => {
  scanner.skipSpace();
  const char = scanner.peek();
  if (char === "'" || char === '"') return readQuoted(scanner);
  const value = /[=<>~]/.test(char) ? '' : readBare(scanner, inList);
  if (value === '') scanner.fail(`expected a value but found ${scanner.describeNext()}`);
  return value;
};

/** `[a, b, ...]`; the list may be empty. */
export const readArgumentList = (scanner: QueryScanner): string[] => {
  scanner.skipSpace();
  if (!scanner.consume('[')) scanner.fail(`expected '[' to start a list but found ${scanner.describeNext()}`);
  const values: string[] = [];
  scanner.skipSpace();
  if (scanner.consume(']')) return values;
  for (;;) {
    values.push(readArgument(scanner, true));
    scanner.skipSpace();
    if (scanner.consume(']')) return values;
    if (!scanner.consume(',')) scanner.fail(`expected ',' or ']' but found ${scanner.describeNext()}`);
  }
};
