/**
 * Applies lifecycle policies: every interval (default 60 minutes; AWS applies them within 24 h)
 * it evaluates each repository that has a policy and deletes the images the policy expires,
 * recording `lastEvaluatedAt`. Level-triggered; leader-only, like every controller.
 */
import { partitionOfArn } from '@berth/core';
import type { StateStore } from '@berth/store';

import { ECR_KIND, type RepositoryRecord } from '../records/ecr-records.js';
import type { LifecycleService } from '../services/lifecycle-service.js';
import type { EcrLog } from '../services/service-deps.js';

export const DEFAULT_LIFECYCLE_INTERVAL_MS = 60 * 60 * 1000;

export interface LifecycleControllerOptions {
  readonly store: StateStore;
  readonly lifecycle: LifecycleService;
  readonly log: EcrLog;
  readonly intervalMs?: number;
}

export class LifecycleController {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: LifecycleControllerOptions) {}

  start(): void {
    this.timer ??= setInterval(
      () => this.evaluateOnce(),
      this.options.intervalMs ?? DEFAULT_LIFECYCLE_INTERVAL_MS,
    );
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Evaluates every repository with a policy; returns how many images it expired. */
  evaluateOnce(): number {
    let expired = 0;
    for (const repository of this.options.store.list<RepositoryRecord>(ECR_KIND.repository)) {
      if (repository.lifecyclePolicyText === undefined) continue;
      try {
        expired += this.options.lifecycle.expire(
          partitionOfArn(repository.repositoryArn),
          repository.repositoryName,
        );
      } catch (error) {
        this.options.log('lifecycle policy evaluation failed', {
          repositoryArn: repository.repositoryArn,
          error: String(error),
        });
      }
    }
    return expired;
  }
}
