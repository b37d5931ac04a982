/**
 * The oracle of ALB routing: which rule of a listener answers a request. Rules are tried in the
 * plan's order (ascending priority, the default rule last); a rule matches when every condition
 * does (AND), and a condition matches when any of its values does (OR). Case rules are ALB's:
 * host, header names and values, and query pairs are case-insensitive; path and method are not.
 */
import { cidrContains, parseCidr } from './cidr.js';
import { headerValues, hostWithoutPort, queryPairs, type AlbRequest } from './alb-request.js';
import type { RuleAction, RuleCondition, RulePlan } from './lb-model.js';
import { matchWildcard, parseWildcard, type WildcardOptions } from './wildcard-pattern.js';

export interface RuleMatch {
  readonly priority: RulePlan['priority'];
  /** The rule's position in the listener's rule list. */
  readonly index: number;
  readonly action: RuleAction;
}

const plain: WildcardOptions = { escapes: false };
const escaped: WildcardOptions = { escapes: true };

const wildcard = (pattern: string, text: string, caseInsensitive: boolean, escapes = plain): boolean =>
  matchWildcard(parseWildcard(pattern, escapes), text, caseInsensitive);

/** Whether one condition holds for a request. */
export const conditionMatches = (condition: RuleCondition, request: AlbRequest): boolean => {
  switch (condition.field) {
    case 'host-header': {
      const host = hostWithoutPort(request.host);
      return condition.values.some((pattern) => wildcard(pattern, host, true));
    }
    case 'path-pattern':
      return condition.values.some((pattern) => wildcard(pattern, request.path, false));
    case 'http-header': {
      const occurrences = headerValues(request, condition.headerName);
      return condition.values.some((pattern) => occurrences.some((value) => wildcard(pattern, value, true)));
    }
    case 'http-request-method':
      return condition.values.includes(request.method);
    case 'query-string': {
      const pairs = queryPairs(request.query);
      return condition.values.some((wanted) =>
        pairs.some(
          (pair) =>
            (wanted.key === undefined || wildcard(wanted.key, pair.key, true, escaped)) &&
            wildcard(wanted.value, pair.value, true, escaped),
        ),
      );
    }
    case 'source-ip':
      return condition.values.some((block) => {
        const cidr = parseCidr(block);
        return cidr !== undefined && cidrContains(cidr, request.sourceIp);
      });
  }
};

/** The first rule whose conditions all hold, or undefined when none does (no default rule). */
export const matchListenerRule = (rules: readonly RulePlan[], request: AlbRequest): RuleMatch | undefined => {
  for (const [index, rule] of rules.entries()) {
    if (rule.conditions.every((condition) => conditionMatches(condition, request))) {
      return { priority: rule.priority, index, action: rule.action };
    }
  }
  return undefined;
};
