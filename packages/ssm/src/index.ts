/**
 * @berth/ssm — AWS Systems Manager Parameter Store (awsJson1_1, target prefix AmazonSSM) over the
 * state store. The other Systems Manager operations answer UnsupportedOperationException.
 *
 * Invariants:
 * - Every value (String, StringList and SecureString) is stored only sealed by the SecretCipher
 *   the server passes; a SecureString read without WithDecryption answers an opaque base64 text,
 *   never the plaintext. `resealAll` moves every value onto the active key after a rotation.
 * - One record per parameter per partition (`<account>/<region>|<name>`) holding versions
 *   1..n (at most 100: the oldest is dropped unless it has a label). A label names at most one
 *   version of a parameter; a version has at most 10 labels.
 * - Names follow Systems Manager's rules (a-zA-Z0-9_.- and `/`, a hierarchical name starts with
 *   `/`, at most 15 levels, no `aws`/`ssm` prefix); reads take a name, its ARN, `name:<version>`
 *   or `name:<label>`.
 *
 * Choices: parameter policies and the shared-parameter listing are not supported (Policies answers
 * UnsupportedOperationException; DescribeParameters with Shared lists nothing); KeyId is stored
 * and answered, not used; Tier Intelligent-Tiering resolves to Standard when the value fits.
 */
export { createSsmModule, type SsmModule, type SsmModuleConfig } from './ssm-module.js';
export type { ParametersService } from './services/parameters-service.js';
export type { ResealResult } from './services/reseal-parameters.js';
