import { InvalidFilterPatternError } from './invalid-filter-pattern-error.js';

/** `{ … }` or `[ … ]` around the whole pattern: the inside and where it starts. */
export function enclosedPattern(
  pattern: string,
  open: string,
  close: string,
): { body: string; offset: number } | undefined {
  const start = pattern.length - pattern.trimStart().length;
  const trimmed = pattern.trim();
  if (!trimmed.startsWith(open)) return undefined;
  if (!trimmed.endsWith(close) || trimmed.length < 2) {
    throw new InvalidFilterPatternError(`a pattern starting with '${open}' must end with '${close}'`, start);
  }
  return { body: trimmed.slice(1, -1), offset: start + 1 };
}
