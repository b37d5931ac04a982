/**
 * A rule's conditions as named ACLs: one ACL per condition (its values are the ACL's patterns, so
 * they OR), and the rule's condition is the ACL names side by side (so they AND). Wildcards become
 * anchored regexes, with -i where ALB is case-insensitive.
 */
import type { RuleCondition } from '../model/lb-model.js';
import { parseWildcard, type WildcardOptions } from '../model/wildcard-pattern.js';
import { configWord, fetchArgument, wildcardRegex } from './haproxy-quote.js';

/** The frontend variable holding the request's host, lower-cased and without its port. */
export const HOST_VAR = 'txn.berth_host';

const plain: WildcardOptions = { escapes: false };
const escaped: WildcardOptions = { escapes: true };

const anchored = (pattern: string, oneChar: string, options: WildcardOptions = plain): string =>
  configWord(`^${wildcardRegex(parseWildcard(pattern, options), { oneChar })}$`);

const queryRegex = (pair: { readonly key?: string; readonly value: string }): string => {
  const key =
    pair.key === undefined ? '[^&=]*' : wildcardRegex(parseWildcard(pair.key, escaped), { oneChar: '[^&=]' });
  const value = wildcardRegex(parseWildcard(pair.value, escaped), { oneChar: '[^&]' });
  return configWord(`(?:^|&)${key}=${value}(?:&|$)`);
};

/** The criterion and patterns of one condition's ACL (everything after `acl <name>`). */
const aclBody = (condition: RuleCondition): string => {
  switch (condition.field) {
    case 'host-header':
      return `var(${HOST_VAR}) -m reg -i ${condition.values.map((v) => anchored(v, '.')).join(' ')}`;
    case 'path-pattern':
      return `path -m reg ${condition.values.map((v) => anchored(v, '.')).join(' ')}`;
    case 'http-header':
      // req.fhdr keeps commas inside a value; from an ACL it tries every occurrence.
      return (
        `req.fhdr(${fetchArgument(condition.headerName)}) -m reg -i ` +
        condition.values.map((v) => anchored(v, '.')).join(' ')
      );
    case 'http-request-method':
      return `method -m str ${condition.values.map(configWord).join(' ')}`;
    case 'query-string':
      return `query -m reg -i ${condition.values.map(queryRegex).join(' ')}`;
    case 'source-ip':
      return `src ${condition.values.map(configWord).join(' ')}`;
  }
};

/** The ACL of condition `c` of rule `r` in a frontend. */
export const conditionAclName = (ruleIndex: number, conditionIndex: number): string =>
  `r${ruleIndex}_c${conditionIndex}`;

export const renderRuleAcls = (ruleIndex: number, conditions: readonly RuleCondition[]): string[] =>
  conditions.map((condition, c) => `    acl ${conditionAclName(ruleIndex, c)} ${aclBody(condition)}`);
