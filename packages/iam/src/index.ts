/**
 * @berth/iam — AWS Identity and Access Management (awsQuery) over the state store: users and
 * their access keys, roles and their trust policies, customer managed policies with versions,
 * the built-in AWS managed policies, and inline policies; plus the gateway's Authorizer.
 *
 * Invariants: IAM is global — every record is scoped by account id, never by region; names are
 * unique per account case-insensitively; a user has at most two access keys, a secret is shown
 * once by CreateAccessKey and kept for SigV4; every stored policy document parsed when written
 * (core's parsePolicyDocument) and is returned URL-encoded; AWS managed policies are read-only;
 * the Authorizer allows the root everything and evaluates users and assumed roles against their
 * inline and attached policies (parsed documents cached by text, no store scans).
 */
export {
  createIamAuthorizer,
  createIamModule,
  type IamModule,
  type IamModuleConfig,
  type IamRole,
  type IamUseCases,
} from './iam-module.js';
export { type IamIds, type IdPrefix, randomIamIds } from './services/iam-ids.js';
export { AWS_MANAGED_POLICIES, type AwsManagedPolicy } from './services/aws-managed-policies.js';
export { principalContext, requestPrincipalOf } from './services/iam-authorizer.js';
