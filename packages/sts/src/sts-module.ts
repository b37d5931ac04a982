/**
 * Wires STS over the state store and IAM: the API service, the gateway's Authenticator (root
 * keys, IAM users' keys, session keys) and the use case ECS asks for task-role credentials.
 */
import type { ApiService, Authenticator, CredentialPair } from '@berth/gateway';
import { type IamIds, type IamUseCases, randomIamIds } from '@berth/iam';
import type { StateStore } from '@berth/store';

import { stsService } from './api/sts-service.js';
import { AssumeRole, type ServiceRoleCredentials, type ServiceRoleRequest } from './services/assume-role.js';
import { SessionTokens } from './services/session-tokens.js';
import { stsAuthenticator } from './services/sts-authenticator.js';

export interface StsModuleConfig {
  readonly store: StateStore;
  readonly iam: IamUseCases;
  /** The server's own key pairs: each is its account's root. */
  readonly rootKeys: readonly CredentialPair[];
  /** Epoch ms; default Date.now. */
  readonly now?: () => number;
  readonly ids?: IamIds;
}

export interface StsModule {
  readonly api: ApiService;
  readonly authenticator: Authenticator;
  /** Task-role credentials for a service principal: the role's trust policy must allow it. */
  assumeRoleForService(request: ServiceRoleRequest): ServiceRoleCredentials;
}

export interface AuthenticatorConfig {
  readonly store: StateStore;
  readonly iam: Pick<IamUseCases, 'resolveAccessKey' | 'roleByArn'>;
  readonly rootKeys: readonly CredentialPair[];
}

/** The gateway's Authenticator alone (StsModule has one too). */
export const createAuthenticator = (config: AuthenticatorConfig): Authenticator =>
  stsAuthenticator(config.rootKeys, config.iam, new SessionTokens(config.store));

export const createStsModule = (config: StsModuleConfig): StsModule => {
  const tokens = new SessionTokens(config.store);
  const assumeRole = new AssumeRole({
    iam: config.iam,
    tokens,
    ids: config.ids ?? randomIamIds,
    now: config.now ?? Date.now,
  });
  return {
    api: stsService(assumeRole),
    authenticator: stsAuthenticator(config.rootKeys, config.iam, tokens),
    assumeRoleForService: (request) => assumeRole.forService(request),
  };
};
