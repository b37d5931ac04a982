/**
 * Validates placement constraints and parses each `memberOf` expression once per request,
 * splitting them into expressions that placing tasks cannot change (evaluated once per instance)
 * and those that read `runningTasksCount` or `task:group` (evaluated against the current state).
 */
import { invalidParameter } from '@berth/core';
import type { PlacementConstraint } from '@berth/wire/ecs';

import { parseExpression } from '../query-language/parse-expression.js';
import type { QueryExpression } from '../query-language/query-expression.js';
import { readsTaskState } from '../query-language/reads-task-state.js';

export interface CompiledConstraints {
  readonly distinctInstance: boolean;
  readonly staticExpressions: readonly QueryExpression[];
  readonly dynamicExpressions: readonly QueryExpression[];
}

export const compileConstraints = (constraints: readonly PlacementConstraint[]): CompiledConstraints => {
  let distinctInstance = false;
  const staticExpressions: QueryExpression[] = [];
  const dynamicExpressions: QueryExpression[] = [];
  for (const constraint of constraints) {
    if (constraint.type === 'distinctInstance') {
      if (constraint.expression !== undefined && constraint.expression !== '') {
        throw invalidParameter(
          'You cannot specify an expression if the constraint type is distinctInstance.',
        );
      }
      distinctInstance = true;
    } else if (constraint.type === 'memberOf') {
      if (constraint.expression === undefined || constraint.expression.trim() === '') {
        throw invalidParameter('An expression is required for a memberOf placement constraint.');
      }
      const expression = parseExpression(constraint.expression);
      (readsTaskState(expression) ? dynamicExpressions : staticExpressions).push(expression);
    } else {
      throw invalidParameter(
        `Invalid placement constraint type '${String(constraint.type)}': expected distinctInstance or memberOf.`,
      );
    }
  }
  return { distinctInstance, staticExpressions, dynamicExpressions };
};
