/** A secret record as DescribeSecret and ListSecrets answer it. */
import type { DescribeSecretResponse, SecretListEntry } from '@berth/wire/secretsmanager';

import type { SecretRecord } from '../records/secret-records.js';

import { tagList } from './secret-rules.js';

/** The labels of each version that has any (deprecated versions are left out). */
export const versionsToStages = (record: SecretRecord): Record<string, string[]> =>
  Object.fromEntries(
    record.versions.filter((v) => v.stages.length > 0).map((v) => [v.versionId, [...v.stages]]),
  );

const common = (r: SecretRecord): SecretListEntry => ({
  ARN: r.arn,
  Name: r.name,
  ...(r.type !== undefined ? { Type: r.type } : {}),
  ...(r.description !== undefined ? { Description: r.description } : {}),
  ...(r.kmsKeyId !== undefined ? { KmsKeyId: r.kmsKeyId } : {}),
  RotationEnabled: false,
  LastChangedDate: r.lastChangedDate,
  ...(r.deletedDate !== undefined ? { DeletedDate: r.deletedDate } : {}),
  ...(Object.keys(r.tags).length > 0 ? { Tags: tagList(r.tags) } : {}),
  CreatedDate: r.createdDate,
});

export const describeView = (r: SecretRecord): DescribeSecretResponse => ({
  ...common(r),
  VersionIdsToStages: versionsToStages(r),
});

export const listEntryView = (r: SecretRecord): SecretListEntry => ({
  ...common(r),
  SecretVersionsToStages: versionsToStages(r),
});
