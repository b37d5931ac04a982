/**
 * Task definition placement constraints: at most 10, type `memberOf` only, and an expression of
 * at most 2,000 characters [M TaskDefinitionPlacementConstraint; G task-placement-constraints].
 */
import { clientException } from '@berth/core';
import type { RegisterTaskDefinitionRequest } from '@berth/wire/ecs';

import { checkEnum, isNonEmptyString, listOf } from './validation-helpers.js';

export const MAX_PLACEMENT_CONSTRAINTS = 10;
const MAX_EXPRESSION_LENGTH = 2000;

export const validatePlacementConstraints = (request: RegisterTaskDefinitionRequest): void => {
  const constraints = listOf(request.placementConstraints, () =>
    clientException('placementConstraints must be a list.'),
  );
  if (constraints.length > MAX_PLACEMENT_CONSTRAINTS)
    throw clientException('Too many placement constraints.');
  constraints.forEach((constraint, i) => {
    const path = `placementConstraints.${i + 1}.member`;
    const type = checkEnum(`${path}.type`, constraint?.type, ['memberOf']);
    const expression: unknown = constraint?.expression;
    if (type === undefined || !isNonEmptyString(expression) || expression.length > MAX_EXPRESSION_LENGTH) {
      throw clientException("Invalid 'expression' setting for placement constraint.");
    }
  });
};
