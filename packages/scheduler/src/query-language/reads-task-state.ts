import type { QueryExpression } from './query-expression.js';

/**
 * Whether the expression reads state that placing a task changes (`runningTasksCount`,
 * `task:group`). Expressions that do not can be evaluated once per instance per request.
 */
export const readsTaskState = (expression: QueryExpression): boolean => {
  switch (expression.kind) {
    case 'comparison':
      return expression.subject.kind === 'runningTasksCount' || expression.subject.kind === 'taskGroup';
    case 'and':
    case 'or':
      return readsTaskState(expression.left) || readsTaskState(expression.right);
    case 'not':
      return readsTaskState(expression.operand);
  }
};
