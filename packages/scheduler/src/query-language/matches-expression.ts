import { evaluate } from './evaluate.js';
import { parseExpression } from './parse-expression.js';
import type { QueryExpression } from './query-expression.js';
import type { QueryableInstance } from './queryable-instance.js';

/** Parses (when given text) and evaluates in one step; for one-off checks and tests. */
export const matchesExpression = (
  expression: string | QueryExpression,
  instance: QueryableInstance,
): boolean => evaluate(typeof expression === 'string' ? parseExpression(expression) : expression, instance);
