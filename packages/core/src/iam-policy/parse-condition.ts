/** A statement's Condition: operator → key → value(s); scalars become string lists. */
import { parseConditionOperator } from './condition-operators.js';
import type { PolicyStatement } from './policy-types.js';
import { isObject, malformed, SYNTAX_ERROR } from './policy-json.js';

export const VENDOR_PREFIX = 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.';
const CONDITION_KEY = /^[A-Za-z0-9-]+:\S+$/;

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
    const operator = parseConditionOperator(operatorName);
    if (operator === undefined) throw malformed(`Invalid Condition type : ${operatorName}`);
    if (!isObject(block)) throw malformed(SYNTAX_ERROR);
    const keys = (condition[operator.name] ??= {});
    for (const [key, raw] of Object.entries(block)) {
      if (!CONDITION_KEY.test(key)) throw malformed(VENDOR_PREFIX);
      const values = (Array.isArray(raw) ? (raw as unknown[]) : [raw]).map(conditionValue);
      keys[key] = [...(keys[key] ?? []), ...values];
    }
  }
  return condition;
};
