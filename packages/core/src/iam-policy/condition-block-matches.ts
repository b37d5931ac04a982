/**
 * One Condition of a statement: every operator block must hold, and within a block every key
 * (AND); the policy values of one key are alternatives (OR). Missing keys follow IAM: `IfExists`
 * and `ForAllValues` hold, `ForAnyValue` fails, a bare negated operator holds, anything else fails;
 * `Null` tests presence.
 */
import { parseConditionOperator, type ConditionOperator, type ValueResolver } from './condition-operators.js';
import { contextValues, type RequestContext } from './context-values.js';
import type { PolicyStatement } from './policy-types.js';

const keyMatches = (
  operator: ConditionOperator,
  present: readonly string[] | undefined,
  policyValues: readonly string[],
  resolve: ValueResolver,
): boolean => {
  if (operator.compare === undefined) {
    // Null: "true" means the key must be missing, "false" that it must be there.
    return policyValues.some((value) => (value.toLowerCase() === 'true') === (present === undefined));
  }
  if (present === undefined) {
    if (operator.ifExists || operator.qualifier === 'ForAllValues') return true;
    if (operator.qualifier === 'ForAnyValue') return false;
    return operator.negated;
  }
  const compare = operator.compare;
  const valueMatches = (contextValue: string): boolean =>
    operator.negated
      ? policyValues.every((policyValue) => compare(contextValue, policyValue, resolve) === false)
      : policyValues.some((policyValue) => compare(contextValue, policyValue, resolve) === true);
  if (operator.qualifier === 'ForAllValues') return present.every(valueMatches);
  if (operator.qualifier === 'ForAnyValue') return present.some(valueMatches);
  return operator.negated ? present.every(valueMatches) : present.some(valueMatches);
};

/** Whether the statement's whole Condition holds for the request context (no Condition = true). */
export const conditionMatches = (
  condition: NonNullable<PolicyStatement['condition']>,
  context: RequestContext,
  resolve: ValueResolver,
): boolean =>
  Object.entries(condition).every(([operatorName, keys]) => {
    const operator = parseConditionOperator(operatorName);
    if (operator === undefined) return false;
    return Object.entries(keys).every(([key, values]) =>
      keyMatches(operator, contextValues(context, key), values, resolve),
    );
  });
