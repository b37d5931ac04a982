/**
 * @berth/secretsmanager — the AWS Secrets Manager API (awsJson1_1) over the state store.
 *
 * Invariants:
 * - Values are stored only sealed by the SecretCipher the server passes (its keyring): the store
 *   never holds a SecretString or SecretBinary in plain text. `resealAll` moves every value onto
 *   the cipher's active key after a rotation, one transaction per secret.
 * - One record per secret per partition (`<account>/<region>|<name>`) holding its versions; a
 *   staging label names at most one version; moving AWSCURRENT makes its former holder
 *   AWSPREVIOUS; versions never change (a ClientRequestToken repeated with another value is
 *   ResourceExistsException); past 100 versions the oldest deprecated ones are dropped.
 * - A secret is named by its name, its full ARN or its ARN without the random suffix.
 * - Deletion is a recovery window (7–30 days, default 30) or immediate with
 *   ForceDeleteWithoutRecovery. A secret marked for deletion answers InvalidRequestException to
 *   value operations; one past its deletion date is gone to every read (no controller) and its
 *   record is removed on the next write to its name or by `purgeExpired`.
 *
 * Choices: reads never write, so LastAccessedDate is not tracked. DeletedDate is when deletion was
 * requested. KmsKeyId is stored and answered, not used. Rotation, resource policies, replication
 * and BatchGetSecretValue answer InvalidRequestException "Berth does not support …".
 */
export {
  createSecretsManagerModule,
  type SecretsManagerModule,
  type SecretsManagerModuleConfig,
} from './secrets-manager-module.js';
export type { SecretsManagerServices } from './api/secrets-manager-services.js';
export type { SecretsService, SecretWrite } from './services/secrets-service.js';
export type { SecretValuesService } from './services/secret-values-service.js';
export type { SecretsRandom } from './services/service-deps.js';
export type { ResealResult } from './services/reseal-secrets.js';
