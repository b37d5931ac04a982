/** The use cases the Secrets Manager handlers call. */
import type { SecretValuesService } from '../services/secret-values-service.js';
import type { SecretsService } from '../services/secrets-service.js';
import type { SecretsRandom, ServiceDeps } from '../services/service-deps.js';

export interface SecretsManagerServices {
  readonly secrets: SecretsService;
  readonly values: SecretValuesService;
  /** For ListSecrets (store and clock). */
  readonly deps: Pick<ServiceDeps, 'store' | 'now'>;
  readonly random: SecretsRandom;
}
