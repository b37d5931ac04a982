/** Layer, authorization, lifecycle and registry handlers. */
import type { Operation } from '@berth/gateway';
import type {
  BatchCheckLayerAvailabilityRequest,
  CompleteLayerUploadRequest,
  GetLifecyclePolicyPreviewRequest,
  PutRegistryScanningConfigurationRequest,
  UploadLayerPartRequest,
} from '@berth/wire/ecr';

import { constraint, registryPolicyNotFound } from '../services/ecr-errors.js';

import type { EcrServices } from './ecr-services.js';
import { as, repoOf, stringOf } from './wire-request.js';

export const registryOperations = ({
  layers,
  lifecycle,
  registry,
  tokens,
}: EcrServices): Record<string, Operation> => ({
  InitiateLayerUpload: async (ctx, input) => await layers.initiate(ctx.partition, repoOf(input)),
  UploadLayerPart: async (ctx, input) => {
    const r = as<UploadLayerPartRequest>(input);
    const repo = repoOf(input);
    const uploadId = stringOf(input, 'uploadId');
    // JSON protocols carry blob members as base64 text; the gateway hands them over as such.
    const data = Buffer.from(stringOf(input, 'layerPartBlob'), 'base64');
    const last = await layers.uploadPart(
      ctx.partition,
      repo,
      uploadId,
      Number(r.partFirstByte),
      Number(r.partLastByte),
      data,
    );
    return { registryId: ctx.partition.accountId, repositoryName: repo, uploadId, lastByteReceived: last };
  },
  CompleteLayerUpload: async (ctx, input) => {
    const repo = repoOf(input);
    const uploadId = stringOf(input, 'uploadId');
    const digests = as<CompleteLayerUploadRequest>(input).layerDigests ?? [];
    const layerDigest = await layers.complete(ctx.partition, repo, uploadId, digests);
    return { registryId: ctx.partition.accountId, repositoryName: repo, uploadId, layerDigest };
  },
  BatchCheckLayerAvailability: async (ctx, input) =>
    await layers.check(
      ctx.partition,
      repoOf(input),
      as<BatchCheckLayerAvailabilityRequest>(input).layerDigests ?? [],
    ),
  GetDownloadUrlForLayer: async (ctx, input) => {
    const layerDigest = stringOf(input, 'layerDigest');
    return { downloadUrl: await layers.downloadUrl(ctx.partition, repoOf(input), layerDigest), layerDigest };
  },
  GetAuthorizationToken: (ctx, input) => ({
    authorizationData: registryIdsOf(input).map((registryId) => tokens.mint(ctx.partition, registryId)),
  }),
  DescribeRegistry: (ctx) => ({
    registryId: ctx.partition.accountId,
    replicationConfiguration: { rules: [] },
  }),
  GetRegistryPolicy: (ctx) => {
    throw registryPolicyNotFound(ctx.partition);
  },
  DeleteRegistryPolicy: (ctx) => {
    throw registryPolicyNotFound(ctx.partition);
  },
  GetRegistryScanningConfiguration: (ctx) => ({
    registryId: ctx.partition.accountId,
    scanningConfiguration: registry.scanning(ctx.partition),
  }),
  PutRegistryScanningConfiguration: (ctx, input) => {
    const r = as<PutRegistryScanningConfigurationRequest>(input);
    return { registryScanningConfiguration: registry.putScanning(ctx.partition, r.scanType, r.rules) };
  },
  PutLifecyclePolicy: (ctx, input) => {
    const text = stringOf(input, 'lifecyclePolicyText');
    const repo = lifecycle.put(ctx.partition, repoOf(input), text);
    return { registryId: repo.registryId, repositoryName: repo.repositoryName, lifecyclePolicyText: text };
  },
  GetLifecyclePolicy: (ctx, input) => {
    const repo = lifecycle.get(ctx.partition, repoOf(input));
    return {
      registryId: repo.registryId,
      repositoryName: repo.repositoryName,
      lifecyclePolicyText: repo.lifecyclePolicyText,
      ...(repo.lifecycleLastEvaluatedAt !== undefined
        ? { lastEvaluatedAt: repo.lifecycleLastEvaluatedAt }
        : {}),
    };
  },
  DeleteLifecyclePolicy: (ctx, input) => {
    const repo = lifecycle.delete(ctx.partition, repoOf(input));
    return {
      registryId: repo.registryId,
      repositoryName: repo.repositoryName,
      lifecyclePolicyText: repo.lifecyclePolicyText,
      ...(repo.lifecycleLastEvaluatedAt !== undefined
        ? { lastEvaluatedAt: repo.lifecycleLastEvaluatedAt }
        : {}),
    };
  },
  StartLifecyclePolicyPreview: (ctx, input) => {
    const text = input['lifecyclePolicyText'];
    const preview = lifecycle.startPreview(
      ctx.partition,
      repoOf(input),
      typeof text === 'string' ? text : undefined,
    );
    return {
      registryId: ctx.partition.accountId,
      repositoryName: preview.repositoryName,
      lifecyclePolicyText: preview.lifecyclePolicyText,
      status: 'COMPLETE',
    };
  },
  GetLifecyclePolicyPreview: (ctx, input) => {
    const r = as<GetLifecyclePolicyPreviewRequest>(input);
    const { preview, total, page } = lifecycle.previewPage(ctx.partition, repoOf(input), {
      ...(r.imageIds !== undefined ? { imageIds: r.imageIds } : {}),
      ...(r.filter?.tagStatus !== undefined ? { tagStatus: r.filter.tagStatus } : {}),
      maxResults: r.maxResults,
      nextToken: r.nextToken,
    });
    return {
      registryId: ctx.partition.accountId,
      repositoryName: preview.repositoryName,
      lifecyclePolicyText: preview.lifecyclePolicyText,
      status: 'COMPLETE',
      previewResults: page.items,
      summary: { expiringImageTotalCount: total },
      ...(page.nextToken !== undefined ? { nextToken: page.nextToken } : {}),
    };
  },
});

/** GetAuthorizationToken's `registryIds` (1–10 account ids; absent: the caller's own registry). */
const registryIdsOf = (input: Record<string, unknown>): (string | undefined)[] => {
  const ids = input.registryIds;
  if (ids === undefined) return [undefined];
  if (!Array.isArray(ids) || ids.length < 1 || ids.length > 10)
    throw constraint(
      'registryIds',
      'Member must have length less than or equal to 10 and greater than or equal to 1',
    );
  for (const id of ids)
    if (typeof id !== 'string' || !/^[0-9]{12}$/.test(id))
      throw constraint('registryIds', 'Member must satisfy regular expression pattern: [0-9]{12}');
  return [...new Set(ids as string[])];
};
