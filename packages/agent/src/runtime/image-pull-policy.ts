import type { ImagePullBehavior } from './container-runtime.js';

/**
 * What ECS_IMAGE_PULL_BEHAVIOR asks for, given what the host has:
 * - `default`: pull; if the pull fails, fall back to a cached image.
 * - `always`: pull; a failed pull is an error.
 * - `once`: pull only if this agent has not pulled the image before (and it is still cached).
 * - `prefer-cached`: use the cached image when present, else pull.
 */
export type PullDecision =
  { readonly action: 'use-cached' } | { readonly action: 'pull'; readonly fallBackToCache: boolean };

export interface PullFacts {
  readonly cached: boolean;
  readonly pulledBefore: boolean;
}

export const decidePull = (behavior: ImagePullBehavior, facts: PullFacts): PullDecision => {
  switch (behavior) {
    case 'default':
      return { action: 'pull', fallBackToCache: facts.cached };
    case 'always':
      return { action: 'pull', fallBackToCache: false };
    case 'once':
      return facts.cached && facts.pulledBefore
        ? { action: 'use-cached' }
        : { action: 'pull', fallBackToCache: false };
    case 'prefer-cached':
      return facts.cached ? { action: 'use-cached' } : { action: 'pull', fallBackToCache: false };
  }
};
