/**
 * Finding a secret by what a request names it with — its name, its full ARN, or its ARN without
 * the random suffix — and writing it back. A secret whose deletion date has passed is gone: reads
 * do not see it, and `purgeExpired` removes it (lazily, no controller needed).
 */
import { partitionKey, type Partition } from '@berth/core';
import type { StateStore, StoreReader, StoreTransaction } from '@berth/store';

import { secretArnPrefix } from '../records/secret-arns.js';
import { SECRETS_KIND, secretKey, type SecretRecord } from '../records/secret-records.js';

import { constraint, markedForDeletion, secretNotFound } from './secret-errors.js';

export const isExpired = (record: SecretRecord, nowSeconds: number): boolean =>
  record.deletionDate !== undefined && record.deletionDate <= nowSeconds;

/** The SecretId member, checked (1–2048 characters). */
export const requireSecretId = (value: unknown): string => {
  if (typeof value !== 'string' || value.length === 0) {
    throw constraint('secretId', 'Member must have length greater than or equal to 1');
  }
  if (value.length > 2048) throw constraint('secretId', 'Member must have length less than or equal to 2048');
  return value;
};

const byName = (reader: StoreReader, partition: Partition, name: string): SecretRecord | undefined =>
  reader.get<SecretRecord>(SECRETS_KIND.secret, secretKey(partitionKey(partition), name));

/** The secret `secretId` names in this partition (expired ones excluded), or undefined. */
export const findSecret = (
  reader: StoreReader,
  partition: Partition,
  secretId: string,
  nowSeconds: number,
): SecretRecord | undefined => {
  let found: SecretRecord | undefined;
  const prefix = secretArnPrefix(partition);
  if (secretId.startsWith('arn:')) {
    if (!secretId.startsWith(prefix)) return undefined;
    const rest = secretId.slice(prefix.length);
    // A full ARN ends in `-XXXXXX`; try it as such first, then as a partial ARN (the bare name).
    const withoutSuffix = /^(.+)-[A-Za-z0-9]{6}$/.exec(rest)?.[1];
    const full = withoutSuffix !== undefined ? byName(reader, partition, withoutSuffix) : undefined;
    found = full?.arn === secretId ? full : byName(reader, partition, rest);
  } else {
    found = byName(reader, partition, secretId);
  }
  return found !== undefined && !isExpired(found, nowSeconds) ? found : undefined;
};

export const requireSecret = (
  reader: StoreReader,
  partition: Partition,
  secretId: string,
  nowSeconds: number,
): SecretRecord => {
  const found = findSecret(reader, partition, secretId, nowSeconds);
  if (found === undefined) throw secretNotFound();
  return found;
};

/** The secret, which must not be marked for deletion. */
export const requireLiveSecret = (
  reader: StoreReader,
  partition: Partition,
  secretId: string,
  nowSeconds: number,
): SecretRecord => {
  const found = requireSecret(reader, partition, secretId, nowSeconds);
  if (found.deletedDate !== undefined) throw markedForDeletion();
  return found;
};

export const putSecret = (tx: StoreTransaction, partition: Partition, record: SecretRecord): void => {
  const pk = partitionKey(partition);
  tx.put(SECRETS_KIND.secret, secretKey(pk, record.name), pk, record);
};

export const deleteSecretRecord = (tx: StoreTransaction, partition: Partition, name: string): void => {
  tx.delete(SECRETS_KIND.secret, secretKey(partitionKey(partition), name));
};

/** Removes the partition's secrets whose deletion date has passed; returns how many. */
export const purgeExpired = (store: StateStore, partition: Partition, nowSeconds: number): number => {
  const pk = partitionKey(partition);
  const expired = store.list<SecretRecord>(SECRETS_KIND.secret, pk).filter((s) => isExpired(s, nowSeconds));
  if (expired.length === 0) return 0;
  return store.transact((tx) => {
    let removed = 0;
    for (const { name } of expired) {
      const current = tx.get<SecretRecord>(SECRETS_KIND.secret, secretKey(pk, name));
      if (current !== undefined && isExpired(current, nowSeconds)) {
        tx.delete(SECRETS_KIND.secret, secretKey(pk, name));
        removed++;
      }
    }
    return removed;
  });
};
