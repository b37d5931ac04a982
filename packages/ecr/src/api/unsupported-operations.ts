/**
 * The ECR operations Berth does not implement, each answering a ValidationException that says
 * which feature Berth lacks, so a client learns why.
 */
import type { Operation } from '@berth/gateway';

import { notSupported } from '../services/ecr-errors.js';

const FEATURE: Readonly<Record<string, string>> = {
  CreatePullThroughCacheRule: 'pull through cache rules',
  DeletePullThroughCacheRule: 'pull through cache rules',
  DescribePullThroughCacheRules: 'pull through cache rules',
  UpdatePullThroughCacheRule: 'pull through cache rules',
  ValidatePullThroughCacheRule: 'pull through cache rules',
  CreateRepositoryCreationTemplate: 'repository creation templates',
  DeleteRepositoryCreationTemplate: 'repository creation templates',
  DescribeRepositoryCreationTemplates: 'repository creation templates',
  UpdateRepositoryCreationTemplate: 'repository creation templates',
  DeleteSigningConfiguration: 'image signing',
  GetSigningConfiguration: 'image signing',
  PutSigningConfiguration: 'image signing',
  DescribeImageSigningStatus: 'image signing',
  PutReplicationConfiguration: 'replication',
  DescribeImageReplicationStatus: 'replication',
  GetAccountSetting: 'account settings',
  PutAccountSetting: 'account settings',
  PutRegistryPolicy: 'registry policies',
  UpdateImageStorageClass: 'image archiving (storage classes)',
  RegisterPullTimeUpdateExclusion: 'pull time update exclusions',
  DeregisterPullTimeUpdateExclusion: 'pull time update exclusions',
  ListPullTimeUpdateExclusions: 'pull time update exclusions',
};

/** A handler for each of `names` that throws the not-supported error. */
export const unsupportedOperations = (names: readonly string[]): Record<string, Operation> =>
  Object.fromEntries(
    names.map((name): [string, Operation] => [
      name,
      () => {
        throw notSupported(FEATURE[name] ?? `${name}`);
      },
    ]),
  );
