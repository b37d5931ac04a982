/**
 * Small shared pieces of RegisterTaskDefinition validation: type guards for untrusted wire values
 * (the JSON codec does not check shapes) and the error forms ECS uses.
 */
import { clientException, type ApiError } from '@berth/core';

export const isInt = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value);

export const isNonEmptyString = (value: unknown): value is string =>
  typeof value === 'string' && value !== '';

/** A private ECR image: `<account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]/…`. */
export const ECR_IMAGE = /^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//;

/** Names of families, containers and volumes: up to 255 letters, numbers, hyphens and underscores. */
export const NAME_PATTERN = /^[a-zA-Z0-9_-]{1,255}$/;

/**
 * ECS's generic per-container form, observed as "Invalid 'containerPort' setting for container 'web'."
 * (ClientException).
 */
export const invalidContainerSetting = (field: string, container: string): ApiError =>
  clientException(`Invalid '${field}' setting for container '${container}'.`);

/**
 * A value outside a model enum, in the AWS model-validation wording. (impl) ECS raises task
 * definition errors as ClientException; the wording is the standard AWS one.
 */
export const enumError = (path: string, value: unknown, allowed: readonly string[]): ApiError =>
  clientException(
    `1 validation error detected: Value '${String(value)}' at '${path}' failed to satisfy constraint: ` +
      `Member must satisfy enum value set: [${allowed.join(', ')}]`,
  );

export const checkEnum = <T extends string>(
  path: string,
  value: unknown,
  allowed: readonly T[],
): T | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw enumError(path, value, allowed);
  }
  return value as T;
};

/** The items of an optional list field; a non-list is reported with `onInvalid`. */
export const listOf = <T>(value: readonly T[] | undefined, onInvalid: () => ApiError): readonly T[] => {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw onInvalid();
  return value as readonly T[];
};
