/**
 * A statement's Condition: operator → key → value(s); scalars become string lists, operator names
 * their canonical spelling. An unknown operator is a syntax error (unless its block is empty).
 */
import { parseConditionOperator } from './condition-operators.js';
import type { PolicyStatement } from './policy-types.js';
import { isObject, malformed, SYNTAX_ERROR } from './policy-json.js';

const conditionValue = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  throw malformed(SYNTAX_ERROR);
};

export const parseCondition = (value: unknown): NonNullable<PolicyStatement['condition']> => {
  if (!isObject(value)) throw malformed(SYNTAX_ERROR);
  const condition: Record<string, Record<string, string[]>> = {};
  for (const [operatorName, block] of Object.entries(value)) {
    if (!isObject(block)) throw malformed(SYNTAX_ERROR);
    if (Object.keys(block).length === 0) continue; // IAM accepts (and ignores) an empty block
    const operator = parseConditionOperator(operatorName);
    if (operator === undefined) throw malformed(SYNTAX_ERROR);
    const keys = (condition[operator.name] ??= {});
    for (const [key, raw] of Object.entries(block)) {
      const values = (Array.isArray(raw) ? (raw as unknown[]) : [raw]).map(conditionValue);
      keys[key] = [...(keys[key] ?? []), ...values];
    }
  }
  return condition;
};
