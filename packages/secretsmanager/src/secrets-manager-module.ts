/**
 * Wires Secrets Manager over the state store and the SecretCipher its values are sealed with:
 * the API service the gateway routes to, the use cases (GetSecretValue for the agent's `secrets`),
 * and the maintenance use cases a server runs (re-seal after a key rotation, purge secrets past
 * their deletion date). No controller: expired secrets are invisible to reads either way.
 */
import type { SecretCipher } from '@berth/core';
import type { ApiService } from '@berth/gateway';
import type { StateStore } from '@berth/store';
import type { Partition } from '@berth/core';

import { secretsManagerService } from './api/secrets-manager-service.js';
import type { SecretsManagerServices } from './api/secrets-manager-services.js';
import { purgeExpired } from './services/secret-access.js';
import { SecretValuesService } from './services/secret-values-service.js';
import { SecretsService } from './services/secrets-service.js';
import { resealSecrets, type ResealResult } from './services/reseal-secrets.js';
import {
  epochSeconds,
  randomSecrets,
  type SecretsRandom,
  type ServiceDeps,
} from './services/service-deps.js';

export interface SecretsManagerModuleConfig {
  readonly store: StateStore;
  /** Seals every value before it is stored (the server's keyring). */
  readonly cipher: SecretCipher;
  /** Epoch ms; default Date.now. */
  readonly now?: () => number;
  readonly random?: SecretsRandom;
}

export interface SecretsManagerModule {
  readonly api: ApiService;
  readonly services: SecretsManagerServices;
  /** Re-seals every value not under the cipher's active key, one transaction per secret. */
  resealAll(): ResealResult;
  /** Removes the partition's secrets whose deletion date has passed; returns how many. */
  purgeExpired(partition: Partition): number;
}

export const createSecretsManagerModule = (config: SecretsManagerModuleConfig): SecretsManagerModule => {
  const deps: ServiceDeps = {
    store: config.store,
    cipher: config.cipher,
    now: config.now ?? Date.now,
    random: config.random ?? randomSecrets,
  };
  const services: SecretsManagerServices = {
    secrets: new SecretsService(deps),
    values: new SecretValuesService(deps),
    deps,
    random: deps.random,
  };
  return {
    api: secretsManagerService(services, config.store, deps.now),
    services,
    resealAll: () => resealSecrets(deps),
    purgeExpired: (partition) => purgeExpired(config.store, partition, epochSeconds(deps.now())),
  };
};
