/**
 * Re-seals every secret value not sealed under the cipher's active key (after a keyring
 * rotation), one store transaction per secret, so an old key can be retired once this is done.
 */
import { partitionKey, partitionOfArn } from '@berth/core';

import {
  SECRETS_KIND,
  secretKey,
  type SecretRecord,
  type SecretVersionRecord,
} from '../records/secret-records.js';

import type { ServiceDeps } from './service-deps.js';

export interface ResealResult {
  /** Records rewritten. */
  readonly records: number;
  /** Values re-sealed. */
  readonly values: number;
}

type Sealed = Pick<SecretVersionRecord, 'sealedString' | 'sealedBinary'>;

const stale = (deps: Pick<ServiceDeps, 'cipher'>, v: Sealed): boolean =>
  [v.sealedString, v.sealedBinary].some((s) => s !== undefined && !deps.cipher.isCurrent(s));

export const resealSecrets = (deps: Pick<ServiceDeps, 'store' | 'cipher'>): ResealResult => {
  const { cipher } = deps;
  const reseal = (s: string | undefined): string | undefined =>
    s === undefined || cipher.isCurrent(s) ? s : cipher.seal(cipher.open(s));
  let records = 0;
  let values = 0;
  const targets = deps.store
    .list<SecretRecord>(SECRETS_KIND.secret)
    .filter((r) => r.versions.some((v) => stale(deps, v)))
    .map((r) => {
      const pk = partitionKey(partitionOfArn(r.arn));
      return { pk, key: secretKey(pk, r.name) };
    });
  for (const { pk, key } of targets) {
    deps.store.transact((tx) => {
      const record = tx.get<SecretRecord>(SECRETS_KIND.secret, key);
      if (record === undefined || !record.versions.some((v) => stale(deps, v))) return;
      const versions = record.versions.map((v) => {
        if (!stale(deps, v)) return v;
        values++;
        const sealedString = reseal(v.sealedString);
        const sealedBinary = reseal(v.sealedBinary);
        return {
          ...v,
          ...(sealedString !== undefined ? { sealedString } : {}),
          ...(sealedBinary !== undefined ? { sealedBinary } : {}),
        };
      });
      tx.put(SECRETS_KIND.secret, key, pk, { ...record, versions });
      records++;
    });
  }
  return { records, values };
};
