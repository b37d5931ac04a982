/**
 * Repository use cases: create, describe, delete (force deletes its images and tags), tag
 * mutability, scan-on-push, the repository policy (validated JSON, stored, not enforced) and
 * resource tags (on repository ARNs).
 */
import { partitionKey, type Partition } from '@berth/core';
import type {
  CreateRepositoryRequest,
  EncryptionConfiguration,
  Repository,
  RepositoryScanningConfiguration,
  RepositoryScanningConfigurationFailure,
  Tag,
} from '@berth/wire/ecr';

import { repositoryArn, repositoryNameOfArn } from '../records/ecr-arns.js';
import { ECR_KIND, repositoryScope, type RepositoryRecord } from '../records/ecr-records.js';

import {
  constraint,
  policyNotFound,
  repositoryAlreadyExists,
  repositoryNotEmpty,
  repositoryNotFound,
  tooManyTags,
} from './ecr-errors.js';
import { requireRepositoryName } from './ecr-names.js';
import { checkMutability, checkTags, isJsonObject } from './repository-settings.js';
import { paginate, type Page } from './pagination.js';
import {
  deleteImage,
  findRepository,
  imagesOf,
  putRepository,
  requireRepository,
} from './repository-access.js';
import { epochSeconds, type ServiceDeps } from './service-deps.js';

/** A repository as ECR answers it; its URI names the registry host the server advertises now. */
export const repositoryOf = (r: RepositoryRecord, registryHost: string): Repository => ({
  repositoryArn: r.repositoryArn,
  registryId: r.registryId,
  repositoryName: r.repositoryName,
  repositoryUri: `${registryHost}/${r.repositoryName}`,
  createdAt: r.createdAt,
  imageTagMutability: r.imageTagMutability,
  ...(r.imageTagMutabilityExclusionFilters.length > 0
    ? { imageTagMutabilityExclusionFilters: r.imageTagMutabilityExclusionFilters.map((f) => ({ ...f })) }
    : {}),
  imageScanningConfiguration: { ...r.imageScanningConfiguration },
  encryptionConfiguration: { ...r.encryptionConfiguration },
});

export class RepositoriesService {
  constructor(private readonly deps: ServiceDeps) {}

  create(partition: Partition, request: CreateRepositoryRequest): RepositoryRecord {
    const name = requireRepositoryName(request.repositoryName);
    const mutability = checkMutability(
      request.imageTagMutability,
      request.imageTagMutabilityExclusionFilters,
    );
    const tags = checkTags(request.tags ?? []);
    if (Object.keys(tags).length > 50) throw tooManyTags();
    const encryption: EncryptionConfiguration = request.encryptionConfiguration ?? {
      encryptionType: 'AES256',
    };
    if (!['AES256', 'KMS', 'KMS_DSSE'].includes(encryption.encryptionType)) {
      throw constraint(
        'encryptionConfiguration.encryptionType',
        'Member must satisfy enum value set: [AES256, KMS, KMS_DSSE]',
      );
    }
    return this.deps.store.transact((tx) => {
      if (findRepository(tx, partition, name) !== undefined) throw repositoryAlreadyExists(partition, name);
      const record: RepositoryRecord = {
        repositoryName: name,
        repositoryArn: repositoryArn(partition, name),
        registryId: partition.accountId,
        createdAt: epochSeconds(this.deps.now()),
        ...mutability,
        imageScanningConfiguration: { scanOnPush: request.imageScanningConfiguration?.scanOnPush ?? false },
        encryptionConfiguration: { ...encryption },
        tags,
      };
      putRepository(tx, partition, record);
      return record;
    });
  }

  describe(
    partition: Partition,
    names: readonly string[] | undefined,
    maxResults: unknown,
    nextToken: unknown,
  ): Page<Repository> {
    if (names !== undefined && names.length > 0) {
      return {
        items: names.map((name) => this.view(requireRepository(this.deps.store, partition, name))),
      };
    }
    const all = this.deps.store
      .list<RepositoryRecord>(ECR_KIND.repository, partitionKey(partition))
      .sort((a, b) => a.createdAt - b.createdAt || a.repositoryName.localeCompare(b.repositoryName));
    const page = paginate(all, maxResults, nextToken);
    return { ...page, items: page.items.map((r) => this.view(r)) };
  }

  view(record: RepositoryRecord): Repository {
    return repositoryOf(record, this.deps.registryHost());
  }

  delete(partition: Partition, name: string, force: boolean): RepositoryRecord {
    return this.deps.store.transact((tx) => {
      const repository = requireRepository(tx, partition, name);
      const images = imagesOf(tx, partition, name);
      if (images.length > 0 && !force) throw repositoryNotEmpty(partition, name);
      for (const image of images) deleteImage(tx, partition, image);
      const scope = repositoryScope(partitionKey(partition), name);
      for (const kind of [ECR_KIND.imageTag, ECR_KIND.blobLink]) {
        for (const record of tx.list<{ tag?: string; digest?: string }>(kind, scope)) {
          const suffix = record.tag !== undefined ? `tag:${record.tag}` : `blob:${record.digest ?? ''}`;
          tx.delete(kind, `${scope}|${suffix}`);
        }
      }
      tx.delete(ECR_KIND.lifecyclePreview, scope);
      tx.delete(ECR_KIND.repository, scope);
      return repository;
    });
  }

  /** Applies `change` to the repository in one transaction and returns the new record. */
  update(
    partition: Partition,
    name: string,
    change: (r: RepositoryRecord) => RepositoryRecord,
  ): RepositoryRecord {
    return this.deps.store.transact((tx) => {
      const next = change(requireRepository(tx, partition, name));
      putRepository(tx, partition, next);
      return next;
    });
  }

  setPolicy(partition: Partition, name: string, policyText: unknown): RepositoryRecord {
    if (typeof policyText !== 'string' || !isJsonObject(policyText)) {
      throw constraint('policyText', 'Invalid repository policy provided');
    }
    return this.update(partition, name, (r) => ({ ...r, policyText }));
  }

  /** The repository with its policy, or RepositoryPolicyNotFoundException. */
  getPolicy(partition: Partition, name: string): RepositoryRecord & { policyText: string } {
    const repository = requireRepository(this.deps.store, partition, name);
    if (repository.policyText === undefined) {
      throw policyNotFound('RepositoryPolicyNotFoundException', 'Repository policy', partition, name);
    }
    return { ...repository, policyText: repository.policyText };
  }

  deletePolicy(partition: Partition, name: string): RepositoryRecord & { policyText: string } {
    const current = this.getPolicy(partition, name);
    this.update(partition, name, ({ policyText: _, ...rest }) => rest);
    return current;
  }

  /** BatchGetRepositoryScanningConfiguration: scan on push or manual, per repository. */
  scanningConfigurations(
    partition: Partition,
    names: readonly string[],
  ): {
    scanningConfigurations: RepositoryScanningConfiguration[];
    failures: RepositoryScanningConfigurationFailure[];
  } {
    const scanningConfigurations: RepositoryScanningConfiguration[] = [];
    const failures: RepositoryScanningConfigurationFailure[] = [];
    for (const name of names) {
      const repo = findRepository(this.deps.store, partition, name);
      if (repo === undefined) {
        failures.push({
          repositoryName: name,
          failureCode: 'REPOSITORY_NOT_FOUND',
          failureReason: 'REPOSITORY_NOT_FOUND',
        });
        continue;
      }
      const scanOnPush = repo.imageScanningConfiguration.scanOnPush;
      scanningConfigurations.push({
        repositoryArn: repo.repositoryArn,
        repositoryName: name,
        scanOnPush,
        scanFrequency: scanOnPush ? 'SCAN_ON_PUSH' : 'MANUAL',
        appliedScanFilters: [],
      });
    }
    return { scanningConfigurations, failures };
  }

  private repositoryOfArn(partition: Partition, arn: string): string {
    const name = repositoryNameOfArn(partition, arn);
    if (name === undefined) throw constraint('resourceArn', `Invalid ARN: ${arn}`);
    if (findRepository(this.deps.store, partition, name) === undefined)
      throw repositoryNotFound(partition, name);
    return name;
  }

  tag(partition: Partition, arn: string, tags: readonly Tag[]): void {
    const name = this.repositoryOfArn(partition, arn);
    const added = checkTags(tags);
    this.update(partition, name, (r) => {
      const next = { ...r.tags, ...added };
      if (Object.keys(next).length > 50) throw tooManyTags();
      return { ...r, tags: next };
    });
  }

  untag(partition: Partition, arn: string, keys: readonly string[]): void {
    const name = this.repositoryOfArn(partition, arn);
    this.update(partition, name, (r) => ({
      ...r,
      tags: Object.fromEntries(Object.entries(r.tags).filter(([k]) => !keys.includes(k))),
    }));
  }

  listTags(partition: Partition, arn: string): Tag[] {
    const name = this.repositoryOfArn(partition, arn);
    return Object.entries(requireRepository(this.deps.store, partition, name).tags).map(([Key, Value]) => ({
      Key,
      Value,
    }));
  }
}
