/**
 * Evaluates a parsed expression against one instance.
 *
 * Semantics (ECS publishes none beyond the examples; these are ours):
 * - `task:group` has many values, the instance's groups with at least one task: `==`, `in`, `=~`
 *   and the orderings hold when any group satisfies them; `!=`, `!in`, `!~` when none does, so
 *   `task:group != database` equals `not(task:group == database)`.
 * - An attribute's `!=`, `!in`, `!~` hold only when the instance has the attribute ("instances
 *   with the attribute stack, unless its value is prod"). An attribute without a value exists but
 *   equals nothing.
 * - `runningTasksCount` and `registeredAt` compare as numbers; other orderings compare naturally
 *   (`agentVersion < 1.14.5` is true for 1.9.0).
 */
import { compareNatural } from './compare-natural.js';
import type { QueryComparison, QueryExpression, QueryValue } from './query-expression.js';
import { ownValue } from './queryable-instance.js';
import type { QueryableInstance } from './queryable-instance.js';

interface SubjectValues {
  readonly present: boolean;
  readonly values: readonly QueryValue[];
}

const subjectValues = (comparison: QueryComparison, instance: QueryableInstance): SubjectValues => {
  const { subject } = comparison;
  switch (subject.kind) {
    case 'agentConnected':
      return { present: true, values: [String(instance.agentConnected)] };
    case 'agentVersion':
      return { present: true, values: [instance.agentVersion] };
    case 'ec2InstanceId':
      return { present: true, values: [instance.ec2InstanceId] };
    case 'registeredAt':
      return { present: true, values: [instance.registeredAt] };
    case 'runningTasksCount':
      return { present: true, values: [instance.runningTasksCount] };
    case 'attribute': {
      const present = Object.hasOwn(instance.attributes, subject.name);
      const value = ownValue(instance.attributes, subject.name);
      return { present, values: value === undefined ? [] : [value] };
    }
    case 'taskGroup': {
      const values = Object.keys(instance.taskGroups).filter((g) => (instance.taskGroups[g] ?? 0) > 0);
      return { present: values.length > 0, values };
    }
  }
};

const compareValues = (a: QueryValue, b: QueryValue): number =>
  typeof a === 'number' && typeof b === 'number' ? a - b : compareNatural(String(a), String(b));

const equalValues = (a: QueryValue, b: QueryValue): boolean =>
  typeof a === 'number' && typeof b === 'number' ? a === b : String(a) === String(b);

/** Whether `value` satisfies the positive form of the operator (`!=` tests `==`, and so on). */
const satisfies = (comparison: QueryComparison, value: QueryValue): boolean => {
  const argument = comparison.values[0] ?? '';
  switch (comparison.operator) {
    case '==':
    case '!=':
      return equalValues(value, argument);
    case 'in':
    case '!in':
      return comparison.values.some((candidate) => equalValues(value, candidate));
    case '=~':
    case '!~':
      return comparison.pattern?.test(String(value)) ?? false;
    case '>':
      return compareValues(value, argument) > 0;
    case '>=':
      return compareValues(value, argument) >= 0;
    case '<':
      return compareValues(value, argument) < 0;
    case '<=':
      return compareValues(value, argument) <= 0;
    case 'exists':
    case '!exists':
      return true;
  }
};

const hasAnyGroup = (instance: QueryableInstance, groups: readonly QueryValue[]): boolean => {
  for (const group of groups) if ((ownValue(instance.taskGroups, String(group)) ?? 0) > 0) return true;
  return false;
};

const isNegated = (comparison: QueryComparison): boolean =>
  comparison.operator === '!=' || comparison.operator === '!in' || comparison.operator === '!~';

const evaluateComparison = (comparison: QueryComparison, instance: QueryableInstance): boolean => {
  const { subject, operator } = comparison;
  const negated = isNegated(comparison);
  // Equality and lists on task:group look the named groups up instead of listing the instance's.
  const lookup = operator === '==' || operator === '!=' || operator === 'in' || operator === '!in';
  if (subject.kind === 'taskGroup' && lookup) return hasAnyGroup(instance, comparison.values) !== negated;
  const { present, values } = subjectValues(comparison, instance);
  if (operator === 'exists') return present;
  if (operator === '!exists') return !present;
  if (negated && subject.kind === 'attribute' && !present) return false;
  return values.some((value) => satisfies(comparison, value)) !== negated;
};

export const evaluate = (expression: QueryExpression, instance: QueryableInstance): boolean => {
  switch (expression.kind) {
    case 'comparison':
      return evaluateComparison(expression, instance);
    case 'and':
      return evaluate(expression.left, instance) && evaluate(expression.right, instance);
    case 'or':
      return evaluate(expression.left, instance) || evaluate(expression.right, instance);
    case 'not':
      return !evaluate(expression.operand, instance);
  }
};
