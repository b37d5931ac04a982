/**
 * @berth/sts — AWS Security Token Service (awsQuery): GetCallerIdentity, AssumeRole, the
 * service-principal AssumeRole ECS uses for task roles, and the gateway's Authenticator.
 *
 * Invariants: session credentials are stateless — an ASIA… key whose session token is an
 * AES-256-GCM sealed blob (key, secret, role ARN and id, session, account, expiry) under a key
 * kept in the state store, so AssumeRole writes nothing and every replica verifies; a token opens
 * only for its own key, before its expiry, while its role exists with the same role id;
 * AssumeRole needs the role's trust policy to allow the caller and, unless it names the caller,
 * the caller's identity policies too (the root always has them).
 */
export {
  createAuthenticator,
  createStsModule,
  type AuthenticatorConfig,
  type StsModule,
  type StsModuleConfig,
} from './sts-module.js';
export type { ServiceRoleCredentials, ServiceRoleRequest } from './services/assume-role.js';
