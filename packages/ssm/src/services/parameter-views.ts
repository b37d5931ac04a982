/**
 * Parameters as the API answers them. A SecureString read without WithDecryption answers an
 * opaque base64 text (the sealed value, base64-encoded), never the plaintext, as Systems Manager
 * answers the KMS ciphertext.
 */
import type { Partition, SecretCipher } from '@berth/core';
import type { Parameter, ParameterHistory, ParameterMetadata } from '@berth/wire/ssm';

import { parameterArn } from '../records/parameter-arns.js';
import type { ParameterRecord, ParameterVersionRecord } from '../records/parameter-records.js';

import { currentVersion } from './parameter-access.js';
import type { Selector } from './parameter-names.js';

export const valueOf = (
  cipher: SecretCipher,
  version: ParameterVersionRecord,
  withDecryption: boolean,
): string =>
  version.type === 'SecureString' && !withDecryption
    ? Buffer.from(version.sealedValue, 'utf8').toString('base64')
    : Buffer.from(cipher.open(version.sealedValue)).toString('utf8');

export const parameterView = (
  cipher: SecretCipher,
  partition: Partition,
  record: ParameterRecord,
  version: ParameterVersionRecord,
  withDecryption: boolean,
  selector?: Selector,
): Parameter => ({
  Name: record.name,
  Type: version.type,
  Value: valueOf(cipher, version, withDecryption),
  Version: version.version,
  ...(selector !== undefined ? { Selector: selector.text } : {}),
  LastModifiedDate: version.lastModifiedDate,
  ARN: parameterArn(partition, record.name),
  DataType: version.dataType,
});

const describedVersion = (v: ParameterVersionRecord): Omit<ParameterMetadata, 'Name' | 'ARN'> => ({
  Type: v.type,
  ...(v.keyId !== undefined ? { KeyId: v.keyId } : {}),
  LastModifiedDate: v.lastModifiedDate,
  LastModifiedUser: v.lastModifiedUser,
  ...(v.description !== undefined ? { Description: v.description } : {}),
  ...(v.allowedPattern !== undefined ? { AllowedPattern: v.allowedPattern } : {}),
  Version: v.version,
  Tier: v.tier,
  Policies: [],
  DataType: v.dataType,
});

export const metadataView = (partition: Partition, record: ParameterRecord): ParameterMetadata => ({
  Name: record.name,
  ARN: parameterArn(partition, record.name),
  ...describedVersion(currentVersion(record)),
});

export const historyView = (
  cipher: SecretCipher,
  record: ParameterRecord,
  v: ParameterVersionRecord,
  withDecryption: boolean,
): ParameterHistory => ({
  Name: record.name,
  ...describedVersion(v),
  Value: valueOf(cipher, v, withDecryption),
  Labels: [...v.labels],
});
