/**
 * Wires IAM over the state store: the API service the gateway routes to, the Authorizer the
 * gateway runs on every call, and the use cases STS and the composition root need (access key
 * lookup for the authenticator, roles by ARN with their trust policies, a caller's policies).
 */
import type { PolicyDocument } from '@berth/core';
import type { ApiService, Authorizer, CallerIdentity, KeyResolution } from '@berth/gateway';
import type { StateStore } from '@berth/store';

import { iamService } from './api/iam-service.js';
import type { IamServices } from './api/iam-services.js';
import { AccessKeysService } from './services/access-keys-service.js';
import { iamAuthorizer } from './services/iam-authorizer.js';
import type { IamDeps } from './services/iam-deps.js';
import { type IamIds, randomIamIds } from './services/iam-ids.js';
import { identityPoliciesOf, roleByArn } from './services/identity-policies.js';
import { PoliciesService } from './services/policies-service.js';
import { PolicyDocumentCache } from './services/policy-documents.js';
import { PrincipalPoliciesService } from './services/principal-policies-service.js';
import { RolesService } from './services/roles-service.js';
import { UsersService } from './services/users-service.js';

export interface IamModuleConfig {
  readonly store: StateStore;
  /** Epoch ms; default Date.now. */
  readonly now?: () => number;
  readonly ids?: IamIds;
}

/** A role as STS sees it. */
export interface IamRole {
  readonly accountId: string;
  readonly roleName: string;
  readonly roleId: string;
  readonly arn: string;
  readonly maxSessionDuration: number;
  readonly trustPolicy: PolicyDocument;
}

/** What other packages may ask IAM (through this package's index.ts). */
export interface IamUseCases {
  /** The secret and identity of an IAM user's Active access key, else undefined. */
  resolveAccessKey(accessKeyId: string): KeyResolution | undefined;
  /** The role an ARN names, with its parsed trust policy, else undefined. */
  roleByArn(roleArn: string): IamRole | undefined;
  /** A user's or assumed role's identity policies (inline and attached), parsed. */
  identityPolicies(identity: CallerIdentity): readonly PolicyDocument[];
}

export interface IamModule extends IamUseCases {
  readonly api: ApiService;
  readonly authorizer: Authorizer;
  readonly services: IamServices;
  /** The id source (STS mints its ASIA… keys with it). */
  readonly ids: IamIds;
}

export const createIamModule = (config: IamModuleConfig): IamModule => {
  const deps: IamDeps = { store: config.store, now: config.now ?? Date.now, ids: config.ids ?? randomIamIds };
  const documents = new PolicyDocumentCache();
  const services: IamServices = {
    users: new UsersService(deps),
    accessKeys: new AccessKeysService(deps),
    roles: new RolesService(deps, documents),
    policies: new PoliciesService(deps, documents),
    principalPolicies: new PrincipalPoliciesService(deps, documents),
  };
  return {
    api: iamService(services, config.store),
    authorizer: iamAuthorizer(config.store, documents),
    services,
    ids: deps.ids,
    resolveAccessKey: (accessKeyId) => services.accessKeys.resolve(accessKeyId),
    roleByArn: (roleArn) => {
      const role = roleByArn(config.store, roleArn);
      if (role === undefined) return undefined;
      return {
        accountId: role.accountId,
        roleName: role.name,
        roleId: role.id,
        arn: role.arn,
        maxSessionDuration: role.maxSessionDuration,
        trustPolicy: documents.trustOf(role),
      };
    },
    identityPolicies: (identity) => identityPoliciesOf(config.store, documents, identity),
  };
};

/** The gateway's Authorizer alone, over the same store (IamModule has one too). */
export const createIamAuthorizer = (config: { readonly store: StateStore }): Authorizer =>
  iamAuthorizer(config.store, new PolicyDocumentCache());
