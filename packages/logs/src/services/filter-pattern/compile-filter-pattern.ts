import { matchesDelimitedPattern, parseDelimitedPattern } from './delimited-pattern.js';
import { InvalidFilterPatternError } from './invalid-filter-pattern-error.js';
import { matchesJsonPattern, parseJsonPattern } from './json-pattern.js';
import { matchesUnstructuredPattern, parseUnstructuredPattern } from './unstructured-pattern.js';

export { InvalidFilterPatternError } from './invalid-filter-pattern-error.js';

/** `{ … }` or `[ … ]` around the whole pattern: the inside and where it starts. */
function enclosed(
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

/**
 * Compiles a CloudWatch Logs filter pattern (metric filters, subscription filters,
 * FilterLogEvents) into a predicate over event messages. Three forms, told apart by the first
 * character: `{ $.field = … }` matches JSON events, `[a, b = …, ...]` space-delimited events, and
 * anything else is terms and phrases (an empty pattern matches everything). Throws
 * `InvalidFilterPatternError` on bad syntax. Not supported: `%regex%` terms.
 */
export function compileFilterPattern(pattern: string): (message: string) => boolean {
  const json = enclosed(pattern, '{', '}');
  if (json !== undefined) {
    const expression = parseJsonPattern(json.body, json.offset);
    return (message) => matchesJsonPattern(expression, message);
  }
  const delimited = enclosed(pattern, '[', ']');
  if (delimited !== undefined) {
    const fields = parseDelimitedPattern(delimited.body, delimited.offset);
    return (message) => matchesDelimitedPattern(fields, message);
  }
  const terms = parseUnstructuredPattern(pattern);
  return (message) => matchesUnstructuredPattern(terms, message);
}
