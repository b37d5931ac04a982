/**
 * A secret value as a request carries it (SecretString, or SecretBinary as base64) and as it is
 * stored: sealed by the SecretCipher, never in plain text.
 */
import type { SecretCipher } from '@berth/core';

import type { SecretVersionRecord } from '../records/secret-records.js';

import { constraint, decryptionFailure, invalidParameter } from './secret-errors.js';

export type SecretValue =
  { readonly kind: 'string'; readonly bytes: Buffer } | { readonly kind: 'binary'; readonly bytes: Buffer };

const MAX_VALUE_BYTES = 65_536;

/** The value a request carries, checked; undefined when it carries none. */
export const valueOf = (request: {
  SecretString?: unknown;
  SecretBinary?: unknown;
}): SecretValue | undefined => {
  const { SecretString: text, SecretBinary: binary } = request;
  if (text !== undefined && binary !== undefined) {
    throw invalidParameter(
      "You can't specify both a binary secret value and a string secret value in the same secret.",
    );
  }
  if (text !== undefined) {
    if (typeof text !== 'string') throw constraint('secretString', 'Member must be a string');
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length > MAX_VALUE_BYTES) {
      throw constraint('secretString', `Member must have length less than or equal to ${MAX_VALUE_BYTES}`);
    }
    return { kind: 'string', bytes };
  }
  if (binary !== undefined) {
    if (typeof binary !== 'string') throw constraint('secretBinary', 'Member must be a blob');
    const bytes = Buffer.from(binary, 'base64');
    if (bytes.length > MAX_VALUE_BYTES) {
      throw constraint('secretBinary', `Member must have length less than or equal to ${MAX_VALUE_BYTES}`);
    }
    return { kind: 'binary', bytes };
  }
  return undefined;
};

export const sealValue = (
  cipher: SecretCipher,
  value: SecretValue,
): Pick<SecretVersionRecord, 'sealedString' | 'sealedBinary'> =>
  value.kind === 'string'
    ? { sealedString: cipher.seal(value.bytes) }
    : { sealedBinary: cipher.seal(value.bytes) };

const open = (cipher: SecretCipher, sealed: string): Buffer => {
  try {
    return Buffer.from(cipher.open(sealed));
  } catch {
    throw decryptionFailure();
  }
};

/** The version's value as GetSecretValue answers it. */
export const openValue = (
  cipher: SecretCipher,
  version: SecretVersionRecord,
): { SecretString?: string; SecretBinary?: string } => {
  if (version.sealedString !== undefined) {
    return { SecretString: open(cipher, version.sealedString).toString('utf8') };
  }
  if (version.sealedBinary !== undefined) {
    return { SecretBinary: open(cipher, version.sealedBinary).toString('base64') };
  }
  return {};
};

/** Whether the version holds exactly `value`. */
export const holdsValue = (
  cipher: SecretCipher,
  version: SecretVersionRecord,
  value: SecretValue,
): boolean => {
  const sealed = value.kind === 'string' ? version.sealedString : version.sealedBinary;
  return sealed !== undefined && open(cipher, sealed).equals(value.bytes);
};
