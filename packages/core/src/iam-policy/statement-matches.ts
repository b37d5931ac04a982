/**
 * Whether one statement applies to a request: its Action/NotAction (case-insensitive globs),
 * Resource/NotResource (case-sensitive ARN globs, see wildcard-match.ts; policy variables resolved), and
 * Condition all match. Principal is checked by the caller (resource policies only). A Resource
 * entry whose variable cannot be resolved matches nothing; in NotResource it makes the statement
 * not apply.
 */
import { conditionMatches } from './condition-block-matches.js';
import type { ValueResolver } from './condition-operators.js';
import type { PolicyDocument, PolicyRequest, PolicyStatement } from './policy-types.js';
import { resolvePattern, resolveText } from './policy-variables.js';
import { matchPatternParts, wildcardMatch } from './wildcard-match.js';

const actionMatches = (statement: PolicyStatement, action: string): boolean => {
  const matchesAny = (patterns: readonly string[]): boolean =>
    patterns.some((pattern) => wildcardMatch(pattern, action, { ignoreCase: true }));
  if (statement.action !== undefined) return matchesAny(statement.action);
  if (statement.notAction !== undefined) return !matchesAny(statement.notAction);
  return false;
};

const resourceMatches = (statement: PolicyStatement, resource: string, resolve: ValueResolver): boolean => {
  const results = (patterns: readonly string[]): (boolean | undefined)[] =>
    patterns.map((text) => {
      const pattern = resolve.pattern(text);
      return pattern === undefined
        ? undefined
        : matchPatternParts(pattern, resource, { segmentSeparator: ':' });
    });
  if (statement.resource !== undefined) return results(statement.resource).some((hit) => hit === true);
  if (statement.notResource !== undefined)
    return results(statement.notResource).every((hit) => hit === false);
  return true; // trust policies name no resource: the role itself
};

export const valueResolver = (
  version: PolicyDocument['version'],
  context: PolicyRequest['context'],
): ValueResolver => ({
  text: (value) => resolveText(value, context, version),
  pattern: (value) => resolvePattern(value, context, version),
});

export const statementMatches = (
  statement: PolicyStatement,
  request: PolicyRequest,
  resolve: ValueResolver,
): boolean =>
  actionMatches(statement, request.action) &&
  resourceMatches(statement, request.resource, resolve) &&
  (statement.condition === undefined || conditionMatches(statement.condition, request.context, resolve));
