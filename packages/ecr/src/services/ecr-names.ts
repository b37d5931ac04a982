/** ECR's rules for repository names, image tags and digests, and the checks that enforce them. */
import { constraint, invalidParameter } from './ecr-errors.js';

const NAME_PATTERN = '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*';
const NAME = new RegExp(`^${NAME_PATTERN}$`);
const TAG = /^[\w][\w.-]{0,299}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

export const isRepositoryName = (name: string): boolean =>
  name.length >= 2 && name.length <= 256 && NAME.test(name);

export const requireRepositoryName = (name: unknown): string => {
  if (typeof name !== 'string' || name === '') {
    throw invalidParameter(
      "Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must not be null'",
    );
  }
  if (name.length < 2 || name.length > 256) {
    throw constraint('repositoryName', 'Member must have length between 2 and 256');
  }
  if (!NAME.test(name))
    throw constraint('repositoryName', `must satisfy regular expression '${NAME_PATTERN}'`);
  return name;
};

export const isImageTag = (tag: string): boolean => TAG.test(tag);
export const isDigest = (digest: string): boolean => DIGEST.test(digest);

export const requireImageTag = (tag: string): string => {
  if (!isImageTag(tag)) {
    throw constraint('imageTag', `must satisfy regular expression '[\\w][\\w.-]{0,299}' (got '${tag}')`);
  }
  return tag;
};

/** A required string member, or InvalidParameterException naming it. */
export const requireString = (value: unknown, member: string): string => {
  if (typeof value !== 'string' || value === '') throw constraint(member, 'must not be null');
  return value;
};
