/** Repository scanning configurations and the OCI referrers list. */
import type { Operation } from '@berth/gateway';
import type { StoreReader } from '@berth/store';
import type {
  BatchGetRepositoryScanningConfigurationRequest,
  ListImageReferrersRequest,
  RepositoryScanningConfiguration,
  RepositoryScanningConfigurationFailure,
} from '@berth/wire/ecr';

import { isDigest } from '../services/ecr-names.js';
import { constraint } from '../services/ecr-errors.js';
import { paginate } from '../services/pagination.js';
import { findRepository, requireRepository } from '../services/repository-access.js';

import type { EcrServices } from './ecr-services.js';
import { as, page, repoOf } from './wire-request.js';

export const scanningOperations = (
  { images }: EcrServices,
  store: StoreReader,
): Record<string, Operation> => ({
  BatchGetRepositoryScanningConfiguration: (ctx, input) => {
    const scanningConfigurations: RepositoryScanningConfiguration[] = [];
    const failures: RepositoryScanningConfigurationFailure[] = [];
    for (const name of as<BatchGetRepositoryScanningConfigurationRequest>(input).repositoryNames ?? []) {
      const repo = findRepository(store, ctx.partition, name);
      if (repo === undefined) {
        failures.push({
          repositoryName: name,
          failureCode: 'REPOSITORY_NOT_FOUND',
          failureReason: 'REPOSITORY_NOT_FOUND',
        });
      } else {
        scanningConfigurations.push({
          repositoryArn: repo.repositoryArn,
          repositoryName: name,
          scanOnPush: repo.imageScanningConfiguration.scanOnPush,
          scanFrequency: repo.imageScanningConfiguration.scanOnPush ? 'SCAN_ON_PUSH' : 'MANUAL',
          appliedScanFilters: [],
        });
      }
    }
    return { scanningConfigurations, failures };
  },
  ListImageReferrers: (ctx, input) => {
    const r = as<ListImageReferrersRequest>(input);
    const repo = repoOf(input);
    requireRepository(store, ctx.partition, repo);
    const subject = r.subjectId?.imageDigest;
    if (typeof subject !== 'string' || !isDigest(subject))
      throw constraint('subjectId.imageDigest', 'must be a sha256 digest');
    const types = r.filter?.artifactTypes ?? [];
    const referrers = images
      .referrers(ctx.partition, repo, subject)
      .filter(
        (ref) => types.length === 0 || (ref.artifactType !== undefined && types.includes(ref.artifactType)),
      )
      .map((ref) => ({ ...ref, artifactStatus: 'ACTIVE' }));
    return page('referrers', paginate(referrers, r.maxResults, r.nextToken, 50));
  },
});
