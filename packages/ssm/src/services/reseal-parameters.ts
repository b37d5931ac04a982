/**
 * Re-seals every parameter value not sealed under the cipher's active key (after a keyring
 * rotation), one store transaction per parameter, so an old key can be retired once this is done.
 */
import { partitionKey, partitionOfArn } from '@berth/core';

import { SSM_KIND, parameterKey, type ParameterRecord } from '../records/parameter-records.js';

import type { ServiceDeps } from './service-deps.js';

export interface ResealResult {
  /** Records rewritten. */
  readonly records: number;
  /** Values re-sealed. */
  readonly values: number;
}

export const resealParameters = (deps: Pick<ServiceDeps, 'store' | 'cipher'>): ResealResult => {
  const { cipher } = deps;
  const stale = (r: ParameterRecord): boolean => r.versions.some((v) => !cipher.isCurrent(v.sealedValue));
  const targets = deps.store
    .list<ParameterRecord>(SSM_KIND.parameter)
    .filter(stale)
    .map((r) => {
      const pk = partitionKey(partitionOfArn(r.arn));
      return { pk, key: parameterKey(pk, r.name) };
    });
  let records = 0;
  let values = 0;
  for (const { pk, key } of targets) {
    deps.store.transact((tx) => {
      const record = tx.get<ParameterRecord>(SSM_KIND.parameter, key);
      if (record === undefined || !stale(record)) return;
      const versions = record.versions.map((v) => {
        if (cipher.isCurrent(v.sealedValue)) return v;
        values++;
        return { ...v, sealedValue: cipher.seal(cipher.open(v.sealedValue)) };
      });
      tx.put(SSM_KIND.parameter, key, pk, { ...record, versions });
      records++;
    });
  }
  return { records, values };
};
