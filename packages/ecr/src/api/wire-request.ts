/** Helpers the ECR handlers share: the decoded input as its wire shape, and required members. */
import { requireRepositoryName, requireString } from '../services/ecr-names.js';
import type { Page } from '../services/pagination.js';

/** Decoded input viewed as its wire shape: the use cases check every value they use. */
export const as = <T>(input: Record<string, unknown>): T => input as T;

/** The request's repositoryName, checked (present, ECR's pattern). */
export const repoOf = (input: Record<string, unknown>): string =>
  requireRepositoryName(input['repositoryName']);

export const stringOf = (input: Record<string, unknown>, member: string): string =>
  requireString(input[member], member);

export const page = <T>(member: string, { items, nextToken }: Page<T>): Record<string, unknown> => ({
  [member]: items,
  ...(nextToken !== undefined ? { nextToken } : {}),
});
