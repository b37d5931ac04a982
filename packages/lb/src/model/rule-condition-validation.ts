/**
 * ELBv2's checks on a rule's conditions, pure: how many of each field, value lengths, the
 * characters each field accepts, and the per-rule quotas on values and wildcards. Returns every
 * problem with the AWS error code it maps to; the ELBv2 service turns the first into an ApiError.
 * The limits come from the ELBv2 API reference and the ALB quotas page; the exact wording of AWS's
 * messages is not published, so the messages here are Berth's own, in AWS's style.
 */
import { parseCidr } from './cidr.js';
import type { RuleCondition } from './lb-model.js';

export interface ConditionProblem {
  readonly code: 'ValidationError' | 'InvalidConfigurationRequest';
  readonly message: string;
}

const MAX_VALUE_LENGTH = 128;
const MAX_HEADER_NAME_LENGTH = 40;
const MAX_METHOD_LENGTH = 40;
/** ALB quotas: condition values per rule and wildcards per rule. */
export const MAX_CONDITION_VALUES_PER_RULE = 5;
export const MAX_WILDCARDS_PER_RULE = 5;
const SINGLE_FIELDS = ['host-header', 'path-pattern', 'http-request-method', 'source-ip'] as const;

const HOST_CHARS = /^[A-Za-z0-9\-.*?]+$/;
const HOST_TLD = /\.[A-Za-z*?]+$/;
const PATH_CHARS = /^[A-Za-z0-9_\-.$/~"'@:+&*?]+$/;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;
const METHOD = /^[A-Z_-]+$/;

const conditionValues = (condition: RuleCondition): readonly string[] =>
  condition.field === 'query-string'
    ? condition.values.flatMap((pair) => (pair.key === undefined ? [pair.value] : [pair.key, pair.value]))
    : condition.values;

const wildcardCount = (text: string): number => (text.match(/[*?]/g) ?? []).length;

const valueProblems = (condition: RuleCondition): ConditionProblem[] => {
  const problems: ConditionProblem[] = [];
  const bad = (message: string): void => {
    problems.push({ code: 'ValidationError', message });
  };
  if (condition.values.length === 0) bad(`A '${condition.field}' condition must have at least one value`);
  for (const value of conditionValues(condition)) {
    if (value.length === 0) bad(`The values of a '${condition.field}' condition cannot be empty`);
    if (value.length > MAX_VALUE_LENGTH) {
      bad(
        `The value '${value}' of a '${condition.field}' condition is longer than ${MAX_VALUE_LENGTH} characters`,
      );
    }
  }
  switch (condition.field) {
    case 'host-header':
      for (const host of condition.values) {
        if (!HOST_CHARS.test(host) || !HOST_TLD.test(host)) {
          bad(
            `The host-header value '${host}' is not valid: it must contain a '.', only letters after the last '.', ` +
              `and only A-Z, a-z, 0-9, '-', '.', '*' and '?'`,
          );
        }
      }
      break;
    case 'path-pattern':
      for (const path of condition.values) {
        if (!PATH_CHARS.test(path))
          bad(`The path-pattern value '${path}' contains characters that are not allowed`);
      }
      break;
    case 'http-header':
      if (!HEADER_NAME.test(condition.headerName) || condition.headerName.length > MAX_HEADER_NAME_LENGTH) {
        bad(`The HTTP header name '${condition.headerName}' is not valid`);
      } else if (/[*?]/.test(condition.headerName)) {
        bad(`The HTTP header name '${condition.headerName}' cannot contain wildcards`);
      } else if (condition.headerName.toLowerCase() === 'host') {
        bad(`You cannot use an 'http-header' condition on the Host header; use a 'host-header' condition`);
      }
      break;
    case 'http-request-method':
      for (const method of condition.values) {
        if (!METHOD.test(method) || method.length > MAX_METHOD_LENGTH) {
          bad(`The HTTP request method '${method}' is not valid: use A-Z, '-' and '_' only`);
        }
      }
      break;
    case 'query-string':
      for (const pair of condition.values) {
        if (pair.key === '')
          bad(`The key of a 'query-string' condition cannot be empty; omit it to match any key`);
      }
      break;
    case 'source-ip':
      for (const block of condition.values) {
        if (parseCidr(block) === undefined) bad(`The source-ip value '${block}' is not a valid CIDR block`);
      }
      break;
  }
  return problems;
};

/** Every problem with a non-default rule's conditions; empty when ELBv2 would accept them. */
export const validateRuleConditions = (conditions: readonly RuleCondition[]): readonly ConditionProblem[] => {
  const problems: ConditionProblem[] = [];
  if (conditions.length === 0) {
    problems.push({ code: 'ValidationError', message: 'A rule must have at least one condition' });
  }
  for (const field of SINGLE_FIELDS) {
    if (conditions.filter((condition) => condition.field === field).length > 1) {
      problems.push({
        code: 'InvalidConfigurationRequest',
        message: `A rule can only have one '${field}' condition`,
      });
    }
  }
  problems.push(...conditions.flatMap(valueProblems));
  const values = conditions.reduce((sum, condition) => sum + condition.values.length, 0);
  if (values > MAX_CONDITION_VALUES_PER_RULE) {
    problems.push({
      code: 'InvalidConfigurationRequest',
      message: `A rule can have at most ${MAX_CONDITION_VALUES_PER_RULE} condition values; it has ${values}`,
    });
  }
  const wildcards = conditions
    .filter((condition) => condition.field !== 'source-ip' && condition.field !== 'http-request-method')
    .flatMap(conditionValues)
    .reduce((sum, value) => sum + wildcardCount(value), 0);
  if (wildcards > MAX_WILDCARDS_PER_RULE) {
    problems.push({
      code: 'InvalidConfigurationRequest',
      message: `A rule can have at most ${MAX_WILDCARDS_PER_RULE} wildcards in its conditions; it has ${wildcards}`,
    });
  }
  return problems;
};
