/** Parses and validates an IAM policy document (stub: being written; see policy-types.ts). */
import type { PolicyDocument, PolicyKind } from './policy-types.js';

/**
 * The normalised document, or an ApiError('MalformedPolicyDocument', <AWS's message>, 400) for
 * bad JSON, a missing/unknown Version, no Statement, bad Effect, both Action and NotAction, an
 * identity policy with a Principal, a trust policy without one, unknown condition operators.
 */
export const parsePolicyDocument = (text: string, kind: PolicyKind): PolicyDocument => {
  void text;
  void kind;
  throw new Error('parsePolicyDocument: not implemented yet');
};
