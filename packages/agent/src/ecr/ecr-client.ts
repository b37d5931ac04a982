/**
 * The one ECR call the agent makes: GetAuthorizationToken, over its SigV4 JSON 1.1 client signed
 * for `ecr` in the region asked (the image URI's, or the agent's own).
 */
import type { GetAuthorizationTokenResponse } from '@berth/wire/ecr';

import type { ControlPlaneClient } from '../session/control-plane-client.js';
import { decodeAuthorizationData, type RegistryToken } from './registry-token.js';

export const ECR_TARGET_PREFIX = 'AmazonEC2ContainerRegistry_V20150921';
/** A token call that takes longer is abandoned (the pull goes on without credentials). */
const CALL_TIMEOUT_MS = 10_000;

export interface EcrTokenSource {
  /** A token for the registry of `registryId` (absent: the caller's own account's). */
  getAuthorizationToken(region: string, registryId?: string): Promise<RegistryToken>;
}

export class EcrClient implements EcrTokenSource {
  constructor(private readonly clientFor: (region: string) => ControlPlaneClient) {}

  async getAuthorizationToken(region: string, registryId?: string): Promise<RegistryToken> {
    const response = await this.clientFor(region).call<GetAuthorizationTokenResponse>(
      `${ECR_TARGET_PREFIX}.GetAuthorizationToken`,
      registryId === undefined ? {} : { registryIds: [registryId] },
      CALL_TIMEOUT_MS,
    );
    return decodeAuthorizationData(response.authorizationData?.[0]);
  }
}
