/**
 * A new version of a secret's value (PutSecretValue, UpdateSecret): the version id is the
 * ClientRequestToken (or a fresh UUID). Repeating a token with the same value changes nothing;
 * with another value it is ResourceExistsException, since versions never change.
 */
import type { SecretRecord, SecretVersionRecord } from '../records/secret-records.js';

import { versionExists } from './secret-errors.js';
import { holdsValue, sealValue, type SecretValue } from './secret-value.js';
import { addVersion } from './secret-versions.js';
import type { ServiceDeps } from './service-deps.js';

export const withValue = (
  deps: Pick<ServiceDeps, 'cipher' | 'random'>,
  record: SecretRecord,
  token: string | undefined,
  value: SecretValue,
  stages: readonly string[],
  nowSeconds: number,
): { record: SecretRecord; version: SecretVersionRecord; created: boolean } => {
  const versionId = token ?? deps.random.versionId();
  const existing = record.versions.find((v) => v.versionId === versionId);
  if (existing !== undefined) {
    if (!holdsValue(deps.cipher, existing, value)) throw versionExists();
    return { record, version: existing, created: false };
  }
  const versions = addVersion(
    record.versions,
    { versionId, createdDate: nowSeconds, ...sealValue(deps.cipher, value) },
    stages,
  );
  const version = versions.find((v) => v.versionId === versionId) as SecretVersionRecord;
  return { record: { ...record, versions, lastChangedDate: nowSeconds }, version, created: true };
};
