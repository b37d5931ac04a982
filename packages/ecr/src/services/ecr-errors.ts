/**
 * ECR's errors: the codes of its model's exception shapes (HTTP 400) with the messages ECR answers
 * with, naming the repository and the registry (account) id.
 */
import { ApiError, type Partition } from '@berth/core';
import type { ImageIdentifier } from '@berth/wire/ecr';

const error = (code: string, message: string): ApiError => new ApiError(code, message, 400);

export const invalidParameter = (message: string): ApiError => error('InvalidParameterException', message);
export const validation = (message: string): ApiError => error('ValidationException', message);
export const constraint = (member: string, rule: string): ApiError =>
  invalidParameter(`Invalid parameter at '${member}' failed to satisfy constraint: '${rule}'`);

export const repositoryNotFound = (p: Partition, name: string): ApiError =>
  error(
    'RepositoryNotFoundException',
    `The repository with name '${name}' does not exist in the registry with id '${p.accountId}'`,
  );
export const repositoryAlreadyExists = (p: Partition, name: string): ApiError =>
  error(
    'RepositoryAlreadyExistsException',
    `The repository with name '${name}' already exists in the registry with id '${p.accountId}'`,
  );
export const repositoryNotEmpty = (p: Partition, name: string): ApiError =>
  error(
    'RepositoryNotEmptyException',
    `The repository with name '${name}' in registry with id '${p.accountId}' cannot be deleted because it still contains images`,
  );
export const describeImageId = (id: ImageIdentifier): string =>
  `{imageDigest:'${id.imageDigest ?? 'null'}', imageTag:'${id.imageTag ?? 'null'}'}`;
export const imageNotFound = (p: Partition, name: string, id: ImageIdentifier): ApiError =>
  error(
    'ImageNotFoundException',
    `The image with imageId ${describeImageId(id)} does not exist within the repository with name '${name}' in the registry with id '${p.accountId}'`,
  );
export const imageAlreadyExists = (p: Partition, name: string, digest: string, tag?: string): ApiError =>
  error(
    'ImageAlreadyExistsException',
    `Image with digest '${digest}'${tag !== undefined ? ` and tag '${tag}'` : ''} already exists in the repository with name '${name}' in registry with id '${p.accountId}'`,
  );
export const imageTagAlreadyExists = (name: string, tag: string): ApiError =>
  error(
    'ImageTagAlreadyExistsException',
    `The image tag '${tag}' already exists in the '${name}' repository and cannot be overwritten because the tag is immutable.`,
  );
export const layersNotFound = (p: Partition, name: string, digests: readonly string[]): ApiError =>
  error(
    'LayersNotFoundException',
    `Layers with digests '[${digests.join(', ')}]' required for pushing image into repository with name '${name}' in the registry with id '${p.accountId}' do not exist`,
  );
export const referencedImagesNotFound = (digests: readonly string[]): ApiError =>
  error(
    'ReferencedImagesNotFoundException',
    `Manifest references images that do not exist in the repository: [${digests.join(', ')}]`,
  );
export const imageDigestDoesNotMatch = (given: string, computed: string): ApiError =>
  error(
    'ImageDigestDoesNotMatchException',
    `Provided digest ${given} does not match the digest of the image manifest ${computed}`,
  );
export const unsupportedImageType = (message: string): ApiError =>
  error('UnsupportedImageTypeException', message);
export const uploadNotFound = (p: Partition, name: string, uploadId: string): ApiError =>
  error(
    'UploadNotFoundException',
    `Upload with id '${uploadId}' does not exist in the repository with name '${name}' in the registry with id '${p.accountId}'`,
  );
export const policyNotFound = (
  code: 'LifecyclePolicyNotFoundException' | 'RepositoryPolicyNotFoundException',
  what: string,
  p: Partition,
  name: string,
): ApiError =>
  error(
    code,
    `${what} does not exist for the repository with name '${name}' in the registry with id '${p.accountId}'`,
  );
export const lifecyclePreviewNotFound = (p: Partition, name: string): ApiError =>
  error(
    'LifecyclePolicyPreviewNotFoundException',
    `There is no dry run for the repository with name '${name}' in the registry with id '${p.accountId}'`,
  );
export const registryPolicyNotFound = (p: Partition): ApiError =>
  error(
    'RegistryPolicyNotFoundException',
    `Registry policy does not exist in the registry with id '${p.accountId}'`,
  );
export const invalidTagParameter = (message: string): ApiError =>
  error('InvalidTagParameterException', message);
export const tooManyTags = (): ApiError =>
  error('TooManyTagsException', 'A resource can have no more than 50 tags.');

/** What Berth does not do, said plainly (ECR's error for requests it cannot serve). */
export const notSupported = (what: string): ApiError => validation(`Berth does not support ${what}.`);
