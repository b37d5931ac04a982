/**
 * Wires Parameter Store over the state store and the SecretCipher its values are sealed with: the
 * API service the gateway routes to, the use cases (GetParameter for the agent's `secrets`), and
 * the re-seal a server runs after a key rotation.
 */
import type { SecretCipher } from '@berth/core';
import type { ApiService } from '@berth/gateway';
import type { StateStore } from '@berth/store';

import { ssmService } from './api/ssm-service.js';
import { ParametersService } from './services/parameters-service.js';
import { resealParameters, type ResealResult } from './services/reseal-parameters.js';
import type { ServiceDeps } from './services/service-deps.js';

export interface SsmModuleConfig {
  readonly store: StateStore;
  /** Seals every value before it is stored (the server's keyring). */
  readonly cipher: SecretCipher;
  /** Epoch ms; default Date.now. */
  readonly now?: () => number;
}

export interface SsmModule {
  readonly api: ApiService;
  readonly parameters: ParametersService;
  /** Re-seals every value not under the cipher's active key, one transaction per parameter. */
  resealAll(): ResealResult;
}

export const createSsmModule = (config: SsmModuleConfig): SsmModule => {
  const deps: ServiceDeps = { store: config.store, cipher: config.cipher, now: config.now ?? Date.now };
  const parameters = new ParametersService(deps);
  return {
    api: ssmService(parameters, deps),
    parameters,
    resealAll: () => resealParameters(deps),
  };
};
