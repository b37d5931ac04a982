/**
 * IAM policy evaluation within one account
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
 */
import type {
  ApplicablePolicies,
  PolicyDecision,
  PolicyDocument,
  PolicyRequest,
  PolicyStatement,
} from './policy-types.js';
import { principalMatches } from './principal-matches.js';
import { statementMatches, valueResolver } from './statement-matches.js';

const namesCaller = (statement: PolicyStatement, request: PolicyRequest): boolean => {
  if (statement.principal !== undefined) return principalMatches(statement.principal, request.principal);
  if (statement.notPrincipal !== undefined)
    return !principalMatches(statement.notPrincipal, request.principal);
  return false;
};

const matchingEffects = (
  document: PolicyDocument,
  request: PolicyRequest,
  checkPrincipal: boolean,
): Set<PolicyStatement['effect']> => {
  const resolve = valueResolver(document.version, request.context);
  const effects = new Set<PolicyStatement['effect']>();
  for (const statement of document.statements) {
    if (checkPrincipal && !namesCaller(statement, request)) continue;
    if (statementMatches(statement, request, resolve)) effects.add(statement.effect);
  }
  return effects;
};

/**
 * AWS's evaluation logic for one account: an explicit Deny in any policy wins; otherwise an Allow
 * in an identity policy or in the resource policy (for a principal it names) allows; otherwise
 * implicit deny. Statement and policy order never matter.
 */
export const evaluatePolicies = (policies: ApplicablePolicies, request: PolicyRequest): PolicyDecision => {
  const results = policies.identity.map((document) => matchingEffects(document, request, false));
  if (policies.resource !== undefined) results.push(matchingEffects(policies.resource, request, true));
  if (results.some((effects) => effects.has('Deny'))) return 'ExplicitDeny';
  if (results.some((effects) => effects.has('Allow'))) return 'Allow';
  return 'ImplicitDeny';
};
