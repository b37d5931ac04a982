/** Repository scanning configurations and the OCI referrers list. */
import type { Operation } from '@berth/gateway';
import type {
  BatchGetRepositoryScanningConfigurationRequest,
  ListImageReferrersRequest,
} from '@berth/wire/ecr';

import { constraint } from '../services/ecr-errors.js';
import { isDigest } from '../services/ecr-names.js';
import { paginate } from '../services/pagination.js';

import type { EcrServices } from './ecr-services.js';
import { as, page, repoOf } from './wire-request.js';

export const scanningOperations = ({ images, repositories }: EcrServices): Record<string, Operation> => ({
  BatchGetRepositoryScanningConfiguration: (ctx, input) =>
    repositories.scanningConfigurations(
      ctx.partition,
      as<BatchGetRepositoryScanningConfigurationRequest>(input).repositoryNames ?? [],
    ),
  ListImageReferrers: (ctx, input) => {
    const r = as<ListImageReferrersRequest>(input);
    const repo = repoOf(input);
    const subject = r.subjectId?.imageDigest;
    if (typeof subject !== 'string' || !isDigest(subject)) {
      throw constraint('subjectId.imageDigest', 'must be a sha256 digest');
    }
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
