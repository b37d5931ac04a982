/**
 * Secret use cases: create (with a first version when it has a value), describe, update
 * (metadata, and a new current value like PutSecretValue), delete (a recovery window of 7–30
 * days, or at once with ForceDeleteWithoutRecovery), restore, and tags.
 */
import type { Partition } from '@berth/core';
import type {
  CreateSecretRequest,
  DeleteSecretRequest,
  Tag,
  UpdateSecretRequest,
} from '@berth/wire/secretsmanager';

import { secretArn } from '../records/secret-arns.js';
import { SECRETS_KIND, secretKey, type SecretRecord } from '../records/secret-records.js';
import { partitionKey } from '@berth/core';

import {
  deleteSecretRecord,
  isExpired,
  putSecret,
  requireLiveSecret,
  requireSecret,
  requireSecretId,
} from './secret-access.js';
import {
  invalidParameter,
  markedForDeletion,
  notSupported,
  scheduledForDeletion,
  secretExists,
} from './secret-errors.js';
import { checkTagCount, checkTags, optionalText, optionalToken, requireSecretName } from './secret-rules.js';
import { holdsValue, sealValue, valueOf } from './secret-value.js';
import { AWSCURRENT, addVersion } from './secret-versions.js';
import { withValue } from './with-value.js';
import { epochSeconds, type ServiceDeps } from './service-deps.js';

const DAY_SECONDS = 86_400;

export interface SecretWrite {
  readonly record: SecretRecord;
  /** The version the call made (or found, when repeated with the same token and value). */
  readonly versionId?: string;
}

export class SecretsService {
  constructor(private readonly deps: ServiceDeps) {}

  private nowSeconds(): number {
    return epochSeconds(this.deps.now());
  }

  create(partition: Partition, request: CreateSecretRequest): SecretWrite {
    const name = requireSecretName(request.Name);
    const description = optionalText(request.Description, 'description', 2048);
    const kmsKeyId = optionalText(request.KmsKeyId, 'kmsKeyId', 2048);
    const type = optionalText(request.Type, 'type', 256);
    const token = optionalToken(request.ClientRequestToken);
    const value = valueOf(request);
    const tags = checkTags(request.Tags);
    checkTagCount(tags);
    if ((request.AddReplicaRegions ?? []).length > 0)
      throw notSupported('replicating secrets to other Regions');
    const now = this.nowSeconds();
    return this.deps.store.transact((tx) => {
      const existing = tx.get<SecretRecord>(SECRETS_KIND.secret, secretKey(partitionKey(partition), name));
      if (existing !== undefined && isExpired(existing, now)) {
        deleteSecretRecord(tx, partition, name);
      } else if (existing !== undefined) {
        if (existing.deletedDate !== undefined) throw scheduledForDeletion();
        const repeated = existing.versions.find((v) => v.versionId === token);
        if (repeated !== undefined && value !== undefined && holdsValue(this.deps.cipher, repeated, value)) {
          return { record: existing, versionId: repeated.versionId };
        }
        throw secretExists(name);
      }
      const versionId = value !== undefined ? (token ?? this.deps.random.versionId()) : undefined;
      const record: SecretRecord = {
        name,
        arn: secretArn(partition, name, this.deps.random.suffix()),
        ...(description !== undefined ? { description } : {}),
        ...(kmsKeyId !== undefined ? { kmsKeyId } : {}),
        ...(type !== undefined ? { type } : {}),
        tags,
        createdDate: now,
        lastChangedDate: now,
        versions:
          value !== undefined && versionId !== undefined
            ? addVersion([], { versionId, createdDate: now, ...sealValue(this.deps.cipher, value) }, [
                AWSCURRENT,
              ])
            : [],
      };
      putSecret(tx, partition, record);
      return { record, ...(versionId !== undefined ? { versionId } : {}) };
    });
  }

  /** The secret, even when marked for deletion (DescribeSecret shows DeletedDate). */
  describe(partition: Partition, secretId: unknown): SecretRecord {
    return requireSecret(this.deps.store, partition, requireSecretId(secretId), this.nowSeconds());
  }

  update(partition: Partition, request: UpdateSecretRequest): SecretWrite {
    const secretId = requireSecretId(request.SecretId);
    const description = optionalText(request.Description, 'description', 2048);
    const kmsKeyId = optionalText(request.KmsKeyId, 'kmsKeyId', 2048);
    const type = optionalText(request.Type, 'type', 256);
    const token = optionalToken(request.ClientRequestToken);
    const value = valueOf(request);
    const now = this.nowSeconds();
    return this.deps.store.transact((tx) => {
      let record: SecretRecord = {
        ...requireLiveSecret(tx, partition, secretId, now),
        ...(description !== undefined ? { description } : {}),
        ...(kmsKeyId !== undefined ? { kmsKeyId } : {}),
        ...(type !== undefined ? { type } : {}),
        lastChangedDate: now,
      };
      let versionId: string | undefined;
      if (value !== undefined) {
        const written = withValue(this.deps, record, token, value, [AWSCURRENT], now);
        record = written.record;
        versionId = written.version.versionId;
      }
      putSecret(tx, partition, record);
      return { record, ...(versionId !== undefined ? { versionId } : {}) };
    });
  }

  /** Marks the secret for deletion (or removes it at once); returns it and its deletion date. */
  delete(partition: Partition, request: DeleteSecretRequest): { record: SecretRecord; deletionDate: number } {
    const secretId = requireSecretId(request.SecretId);
    const force = request.ForceDeleteWithoutRecovery === true;
    const window = request.RecoveryWindowInDays;
    if (force && window !== undefined) {
      throw invalidParameter(
        "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.",
      );
    }
    const days = window ?? 30;
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 7 || days > 30) {
      throw invalidParameter('The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).');
    }
    const now = this.nowSeconds();
    return this.deps.store.transact((tx) => {
      const record = requireSecret(tx, partition, secretId, now);
      if (force) {
        deleteSecretRecord(tx, partition, record.name);
        return { record, deletionDate: now };
      }
      if (record.deletedDate !== undefined) throw markedForDeletion();
      const marked: SecretRecord = { ...record, deletedDate: now, deletionDate: now + days * DAY_SECONDS };
      putSecret(tx, partition, marked);
      return { record: marked, deletionDate: now + days * DAY_SECONDS };
    });
  }

  restore(partition: Partition, secretId: unknown): SecretRecord {
    const id = requireSecretId(secretId);
    const now = this.nowSeconds();
    return this.deps.store.transact((tx) => {
      const {
        deletedDate: _deleted,
        deletionDate: _deletion,
        ...rest
      } = requireSecret(tx, partition, id, now);
      const restored: SecretRecord = { ...rest, lastChangedDate: now };
      putSecret(tx, partition, restored);
      return restored;
    });
  }

  tag(partition: Partition, secretId: unknown, tags: readonly Tag[] | undefined): SecretRecord {
    const added = checkTags(tags);
    return this.change(partition, secretId, (r) => {
      const next = { ...r.tags, ...added };
      checkTagCount(next);
      return { ...r, tags: next };
    });
  }

  untag(partition: Partition, secretId: unknown, keys: readonly string[] | undefined): SecretRecord {
    const removed = new Set(keys ?? []);
    return this.change(partition, secretId, (r) => ({
      ...r,
      tags: Object.fromEntries(Object.entries(r.tags).filter(([k]) => !removed.has(k))),
    }));
  }

  private change(
    partition: Partition,
    secretId: unknown,
    edit: (r: SecretRecord) => SecretRecord,
  ): SecretRecord {
    const id = requireSecretId(secretId);
    const now = this.nowSeconds();
    return this.deps.store.transact((tx) => {
      const next = edit(requireLiveSecret(tx, partition, id, now));
      putSecret(tx, partition, next);
      return next;
    });
  }
}
