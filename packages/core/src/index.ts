/**
 * @berth/core — the domain vocabulary shared by every Berth package: ARNs, ordered statuses, resource math, task sizes, overrides, the agent
 * protocol, ApiError, the OCI/Docker image manifests the registry and ECR read, and IAM policy documents (parsing and
 * AWS's evaluation logic).
 *
 * PURE: no I/O, no clock, no randomness. Time, ids and seeds are arguments.
 */
export * from './errors.js';
export * from './partition.js';
export * from './arn.js';
export * from './task-status.js';
export * from './resources.js';
export * from './task-size.js';
export * from './overrides.js';
export type * from './secret-cipher.js';
export * from './oci/manifest-media-types.js';
export * from './oci/parse-manifest.js';
export type * from './oci/registry-ports.js';
export type * from './iam-policy/policy-types.js';
export { evaluatePolicies } from './iam-policy/evaluate-policies.js';
export { parsePolicyDocument, type ParsePolicyOptions } from './iam-policy/parse-policy-document.js';
export { wildcardMatch } from './iam-policy/wildcard-match.js';
export * from './paginate.js';
