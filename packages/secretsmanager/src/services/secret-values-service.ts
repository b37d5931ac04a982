/**
 * Secret value use cases: read a version (by id, stage, or AWSCURRENT), put a new version, list
 * versions, and move staging labels. Reads never write: LastAccessedDate is not tracked.
 */
import type { Partition } from '@berth/core';
import type {
  GetSecretValueRequest,
  GetSecretValueResponse,
  ListSecretVersionIdsRequest,
  ListSecretVersionIdsResponse,
  PutSecretValueRequest,
  PutSecretValueResponse,
  UpdateSecretVersionStageRequest,
} from '@berth/wire/secretsmanager';

import type { SecretRecord } from '../records/secret-records.js';

import { paginate } from './pagination.js';
import { putSecret, requireLiveSecret, requireSecret, requireSecretId } from './secret-access.js';
import { constraint, invalidParameter } from './secret-errors.js';
import { optionalText, optionalToken } from './secret-rules.js';
import { openValue, valueOf } from './secret-value.js';
import { AWSCURRENT, checkStages, moveStage, removeStage, selectVersion } from './secret-versions.js';
import { epochSeconds, type ServiceDeps } from './service-deps.js';
import { withValue } from './with-value.js';

export class SecretValuesService {
  constructor(private readonly deps: ServiceDeps) {}

  private nowSeconds(): number {
    return epochSeconds(this.deps.now());
  }

  /** GetSecretValue: the plaintext of one version of a secret not marked for deletion. */
  getValue(partition: Partition, request: GetSecretValueRequest): GetSecretValueResponse {
    const secretId = requireSecretId(request.SecretId);
    const versionId = optionalText(request.VersionId, 'versionId', 64);
    const versionStage = optionalText(request.VersionStage, 'versionStage', 256);
    const record = requireLiveSecret(this.deps.store, partition, secretId, this.nowSeconds());
    const version = selectVersion(record, versionId, versionStage);
    return {
      ARN: record.arn,
      Name: record.name,
      VersionId: version.versionId,
      ...openValue(this.deps.cipher, version),
      VersionStages: [...version.stages],
      CreatedDate: version.createdDate,
    };
  }

  putValue(partition: Partition, request: PutSecretValueRequest): PutSecretValueResponse {
    const secretId = requireSecretId(request.SecretId);
    const token = optionalToken(request.ClientRequestToken);
    const value = valueOf(request);
    if (value === undefined) throw invalidParameter('You must provide either SecretString or SecretBinary.');
    if (request.RotationToken !== undefined)
      throw invalidParameter('Berth does not support rotation tokens.');
    const stages = checkStages(request.VersionStages);
    const now = this.nowSeconds();
    return this.deps.store.transact((tx) => {
      const written = withValue(
        this.deps,
        requireLiveSecret(tx, partition, secretId, now),
        token,
        value,
        stages,
        now,
      );
      if (written.created) putSecret(tx, partition, written.record);
      return {
        ARN: written.record.arn,
        Name: written.record.name,
        VersionId: written.version.versionId,
        VersionStages: [...written.version.stages],
      };
    });
  }

  listVersionIds(partition: Partition, request: ListSecretVersionIdsRequest): ListSecretVersionIdsResponse {
    const record = requireSecret(
      this.deps.store,
      partition,
      requireSecretId(request.SecretId),
      this.nowSeconds(),
    );
    const versions = record.versions.filter((v) => request.IncludeDeprecated === true || v.stages.length > 0);
    const page = paginate([...versions].reverse(), request.MaxResults, request.NextToken, 100);
    return {
      Versions: page.items.map((v) => ({
        VersionId: v.versionId,
        ...(v.stages.length > 0 ? { VersionStages: [...v.stages] } : {}),
        CreatedDate: v.createdDate,
        ...(record.kmsKeyId !== undefined
          ? { KmsKeyIds: [record.kmsKeyId] }
          : { KmsKeyIds: ['DefaultEncryptionKey'] }),
      })),
      ...(page.nextToken !== undefined ? { NextToken: page.nextToken } : {}),
      ARN: record.arn,
      Name: record.name,
    };
  }

  /** UpdateSecretVersionStage: attach, move or remove one staging label. */
  updateVersionStage(partition: Partition, request: UpdateSecretVersionStageRequest): SecretRecord {
    const secretId = requireSecretId(request.SecretId);
    const stage = optionalText(request.VersionStage, 'versionStage', 256);
    if (stage === undefined || stage.length === 0) {
      throw constraint('versionStage', 'Member must have length greater than or equal to 1');
    }
    const removeFrom = optionalText(request.RemoveFromVersionId, 'removeFromVersionId', 64);
    const moveTo = optionalText(request.MoveToVersionId, 'moveToVersionId', 64);
    const now = this.nowSeconds();
    return this.deps.store.transact((tx) => {
      const record = requireLiveSecret(tx, partition, secretId, now);
      const holder = record.versions.find((v) => v.stages.includes(stage));
      for (const id of [removeFrom, moveTo]) {
        if (id !== undefined && !record.versions.some((v) => v.versionId === id)) {
          throw invalidParameter(`The version ${id} doesn't exist for the secret.`);
        }
      }
      if (removeFrom !== undefined && holder?.versionId !== removeFrom) {
        throw invalidParameter(
          `The staging label ${stage} is not attached to version ${removeFrom}, so you can't remove it.`,
        );
      }
      if (
        moveTo !== undefined &&
        holder !== undefined &&
        holder.versionId !== moveTo &&
        removeFrom === undefined
      ) {
        throw invalidParameter(
          `The parameter RemoveFromVersionId can't be empty. Staging label ${stage} is currently attached to version ${holder.versionId}, so you must explicitly reference that version in RemoveFromVersionId.`,
        );
      }
      let versions = [...record.versions];
      if (moveTo !== undefined) versions = moveStage(versions, stage, moveTo);
      else if (removeFrom !== undefined) {
        if (stage === AWSCURRENT) {
          throw invalidParameter(
            "You can't remove the staging label AWSCURRENT from a version without moving it to another version.",
          );
        }
        versions = removeStage(versions, stage, removeFrom);
      }
      const next: SecretRecord = { ...record, versions, lastChangedDate: now };
      putSecret(tx, partition, next);
      return next;
    });
  }
}
