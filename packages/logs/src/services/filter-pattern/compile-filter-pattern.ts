import { matchesDelimitedPattern, parseDelimitedPattern } from './delimited-pattern.js';
import { enclosedPattern } from './enclosed-pattern.js';
import { matchesJsonPattern, parseJsonPattern } from './json-pattern.js';
import { matchesUnstructuredPattern, parseUnstructuredPattern } from './unstructured-pattern.js';

export { InvalidFilterPatternError } from './invalid-filter-pattern-error.js';
export { compileExtractingPattern, type ExtractingPattern, type PatternMatch } from './extracting-pattern.js';

/**
 * Compiles a CloudWatch Logs filter pattern (metric filters, subscription filters,
 * FilterLogEvents) into a predicate over event messages. Three forms, told apart by the first
 * character: `{ $.field = … }` matches JSON events, `[a, b = …, ...]` space-delimited events, and
 * anything else is terms and phrases (an empty pattern matches everything). Throws
 * `InvalidFilterPatternError` on bad syntax. Not supported: `%regex%` terms.
 */
export function compileFilterPattern(pattern: string): (message: string) => boolean {
  const json = enclosedPattern(pattern, '{', '}');
  if (json !== undefined) {
    const expression = parseJsonPattern(json.body, json.offset);
    return (message) => matchesJsonPattern(expression, message);
  }
  const delimited = enclosedPattern(pattern, '[', ']');
  if (delimited !== undefined) {
    const fields = parseDelimitedPattern(delimited.body, delimited.offset);
    return (message) => matchesDelimitedPattern(fields, message);
  }
  const terms = parseUnstructuredPattern(pattern);
  return (message) => matchesUnstructuredPattern(terms, message);
}
