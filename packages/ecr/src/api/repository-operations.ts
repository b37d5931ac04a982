/** Repository handlers: create, describe, delete, settings, policy and tags. */
import type { Operation } from '@berth/gateway';
import type {
  CreateRepositoryRequest,
  DeleteRepositoryRequest,
  DescribeRepositoriesRequest,
  PutImageScanningConfigurationRequest,
  PutImageTagMutabilityRequest,
  TagResourceRequest,
  UntagResourceRequest,
} from '@berth/wire/ecr';

import { checkMutability } from '../services/repository-settings.js';

import type { EcrServices } from './ecr-services.js';
import { as, page, repoOf, stringOf } from './wire-request.js';

export const repositoryOperations = ({ repositories }: EcrServices): Record<string, Operation> => ({
  CreateRepository: (ctx, input) => ({
    repository: repositories.view(repositories.create(ctx.partition, as<CreateRepositoryRequest>(input))),
  }),
  DescribeRepositories: (ctx, input) => {
    const r = as<DescribeRepositoriesRequest>(input);
    return page(
      'repositories',
      repositories.describe(ctx.partition, r.repositoryNames, r.maxResults, r.nextToken),
    );
  },
  DeleteRepository: (ctx, input) => ({
    repository: repositories.view(
      repositories.delete(ctx.partition, repoOf(input), as<DeleteRepositoryRequest>(input).force === true),
    ),
  }),
  PutImageTagMutability: (ctx, input) => {
    const r = as<PutImageTagMutabilityRequest>(input);
    const mutability = checkMutability(
      stringOf(input, 'imageTagMutability') as typeof r.imageTagMutability,
      r.imageTagMutabilityExclusionFilters,
    );
    const next = repositories.update(ctx.partition, repoOf(input), (repo) => ({ ...repo, ...mutability }));
    return {
      registryId: next.registryId,
      repositoryName: next.repositoryName,
      imageTagMutability: next.imageTagMutability,
      ...(next.imageTagMutabilityExclusionFilters.length > 0
        ? { imageTagMutabilityExclusionFilters: next.imageTagMutabilityExclusionFilters }
        : {}),
    };
  },
  PutImageScanningConfiguration: (ctx, input) => {
    const scanOnPush =
      as<PutImageScanningConfigurationRequest>(input).imageScanningConfiguration?.scanOnPush === true;
    const next = repositories.update(ctx.partition, repoOf(input), (repo) => ({
      ...repo,
      imageScanningConfiguration: { scanOnPush },
    }));
    return {
      registryId: next.registryId,
      repositoryName: next.repositoryName,
      imageScanningConfiguration: { scanOnPush },
    };
  },
  SetRepositoryPolicy: (ctx, input) => {
    const next = repositories.setPolicy(ctx.partition, repoOf(input), input['policyText']);
    return { registryId: next.registryId, repositoryName: next.repositoryName, policyText: next.policyText };
  },
  GetRepositoryPolicy: (ctx, input) => {
    const repo = repositories.getPolicy(ctx.partition, repoOf(input));
    return { registryId: repo.registryId, repositoryName: repo.repositoryName, policyText: repo.policyText };
  },
  DeleteRepositoryPolicy: (ctx, input) => {
    const repo = repositories.deletePolicy(ctx.partition, repoOf(input));
    return { registryId: repo.registryId, repositoryName: repo.repositoryName, policyText: repo.policyText };
  },
  TagResource: (ctx, input) => {
    repositories.tag(ctx.partition, stringOf(input, 'resourceArn'), as<TagResourceRequest>(input).tags ?? []);
    return {};
  },
  UntagResource: (ctx, input) => {
    repositories.untag(
      ctx.partition,
      stringOf(input, 'resourceArn'),
      as<UntagResourceRequest>(input).tagKeys ?? [],
    );
    return {};
  },
  ListTagsForResource: (ctx, input) => ({
    tags: repositories.listTags(ctx.partition, stringOf(input, 'resourceArn')),
  }),
});
