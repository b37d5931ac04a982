/** IAM policy evaluation (stub: being written; see policy-types.ts for the contract). */
import type { ApplicablePolicies, PolicyDecision, PolicyRequest } from './policy-types.js';

/**
 * AWS's evaluation logic for one account: an explicit Deny in any policy wins; otherwise an Allow
 * in an identity policy or in the resource policy (for a principal it names) allows; otherwise
 * implicit deny.
 */
export const evaluatePolicies = (policies: ApplicablePolicies, request: PolicyRequest): PolicyDecision => {
  void policies;
  void request;
  throw new Error('evaluatePolicies: not implemented yet');
};
