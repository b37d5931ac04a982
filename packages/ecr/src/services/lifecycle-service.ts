/**
 * Lifecycle policy use cases: put (validated), get, delete, the preview (evaluated at once, so it
 * is COMPLETE when StartLifecyclePolicyPreview returns) and `expire`, which the lifecycle
 * controller runs: it deletes what the policy selects with the same delete as BatchDeleteImage.
 */
import { partitionKey, type Partition } from '@berth/core';
import type { ImageIdentifier, LifecyclePolicyPreviewResult, TagStatus } from '@berth/wire/ecr';

import {
  ECR_KIND,
  repositoryScope,
  type LifecyclePreviewRecord,
  type RepositoryRecord,
} from '../records/ecr-records.js';

import { lifecyclePreviewNotFound, policyNotFound } from './ecr-errors.js';
import type { ImagesService } from './images-service.js';
import { evaluateLifecyclePolicy, parseLifecyclePolicy, type LifecycleDecision } from './lifecycle-rules.js';
import { paginate, type Page } from './pagination.js';
import { imagesOf, requireRepository } from './repository-access.js';
import type { RepositoriesService } from './repositories-service.js';
import { epochSeconds, type ServiceDeps } from './service-deps.js';

const previewResult = (d: LifecycleDecision): LifecyclePolicyPreviewResult => ({
  ...(d.image.imageTags.length > 0 ? { imageTags: [...d.image.imageTags] } : {}),
  imageDigest: d.image.imageDigest,
  imagePushedAt: d.image.imagePushedAt,
  action: { type: 'EXPIRE' },
  appliedRulePriority: d.appliedRulePriority,
});

export class LifecycleService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly repositories: RepositoriesService,
    private readonly images: ImagesService,
  ) {}

  put(partition: Partition, repo: string, text: string): RepositoryRecord {
    parseLifecyclePolicy(text);
    return this.repositories.update(partition, repo, (r) => {
      const { lifecycleLastEvaluatedAt: _, ...rest } = r;
      return { ...rest, lifecyclePolicyText: text };
    });
  }

  get(partition: Partition, repo: string): RepositoryRecord & { lifecyclePolicyText: string } {
    const repository = requireRepository(this.deps.store, partition, repo);
    if (repository.lifecyclePolicyText === undefined) {
      throw policyNotFound('LifecyclePolicyNotFoundException', 'Lifecycle policy', partition, repo);
    }
    return { ...repository, lifecyclePolicyText: repository.lifecyclePolicyText };
  }

  delete(partition: Partition, repo: string): RepositoryRecord & { lifecyclePolicyText: string } {
    const current = this.get(partition, repo);
    this.repositories.update(partition, repo, (r) => {
      const { lifecyclePolicyText: _, lifecycleLastEvaluatedAt: __, ...rest } = r;
      return rest;
    });
    return current;
  }

  /** What the policy expires now in the repository. */
  decide(partition: Partition, repo: string, text: string): LifecycleDecision[] {
    const rules = parseLifecyclePolicy(text);
    const images = imagesOf(this.deps.store, partition, repo).map((i) => ({
      imageDigest: i.imageDigest,
      imageTags: i.tags,
      imagePushedAt: i.imagePushedAt,
    }));
    return evaluateLifecyclePolicy(rules, images, epochSeconds(this.deps.now()));
  }

  startPreview(partition: Partition, repo: string, text: string | undefined): LifecyclePreviewRecord {
    const policy = text ?? this.get(partition, repo).lifecyclePolicyText;
    requireRepository(this.deps.store, partition, repo);
    const record: LifecyclePreviewRecord = {
      repositoryName: repo,
      lifecyclePolicyText: policy,
      previewResults: this.decide(partition, repo, policy).map(previewResult),
    };
    const pk = partitionKey(partition);
    this.deps.store.transact((tx) =>
      tx.put(ECR_KIND.lifecyclePreview, repositoryScope(pk, repo), pk, record),
    );
    return record;
  }

  getPreview(partition: Partition, repo: string): LifecyclePreviewRecord {
    requireRepository(this.deps.store, partition, repo);
    const record = this.deps.store.get<LifecyclePreviewRecord>(
      ECR_KIND.lifecyclePreview,
      repositoryScope(partitionKey(partition), repo),
    );
    if (record === undefined) throw lifecyclePreviewNotFound(partition, repo);
    return record;
  }

  /** GetLifecyclePolicyPreview's results: filtered by image ids and tag status, then paged. */
  previewPage(
    partition: Partition,
    repo: string,
    request: {
      imageIds?: readonly ImageIdentifier[];
      tagStatus?: TagStatus;
      maxResults?: unknown;
      nextToken?: unknown;
    },
  ): { preview: LifecyclePreviewRecord; total: number; page: Page<LifecyclePolicyPreviewResult> } {
    const preview = this.getPreview(partition, repo);
    const ids = request.imageIds ?? [];
    const status = request.tagStatus;
    const names = (p: LifecyclePolicyPreviewResult): readonly string[] => p.imageTags ?? [];
    const results = preview.previewResults.filter(
      (p) =>
        (ids.length === 0 ||
          ids.some(
            (id) =>
              id.imageDigest === p.imageDigest ||
              (id.imageTag !== undefined && names(p).includes(id.imageTag)),
          )) &&
        (status === undefined || status === 'ANY' || (status === 'TAGGED') === names(p).length > 0),
    );
    return {
      preview,
      total: results.length,
      page: paginate(results, request.maxResults, request.nextToken, 100),
    };
  }

  /** Deletes what the repository's policy expires now; returns how many images went. */
  expire(partition: Partition, repo: string): number {
    const repository = requireRepository(this.deps.store, partition, repo);
    if (repository.lifecyclePolicyText === undefined) return 0;
    const decisions = this.decide(partition, repo, repository.lifecyclePolicyText);
    const result =
      decisions.length > 0
        ? this.images.batchDelete(
            partition,
            repo,
            decisions.map((d) => ({ imageDigest: d.image.imageDigest })),
          )
        : { imageIds: [], failures: [] };
    this.repositories.update(partition, repo, (r) => ({
      ...r,
      lifecycleLastEvaluatedAt: epochSeconds(this.deps.now()),
    }));
    return new Set(result.imageIds.map((id) => id.imageDigest)).size;
  }
}
