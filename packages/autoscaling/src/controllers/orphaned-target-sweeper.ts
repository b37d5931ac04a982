/**
 * Deregisters the scalable targets of ECS services that no longer exist, as AWS does when a
 * service is deleted: the target, its policies (and their alarms) and its scheduled actions go.
 * Only ECS's own "not found" answers count; any other failure leaves the target alone.
 */
import { ApiError, partitionOfArn } from '@berth/core';
import type { StateStore } from '@berth/store';

import { AUTOSCALING_KIND, type ScalableTargetRecord } from '../records/scaling-records.js';
import type { ScalableServices } from '../scaling-ports.js';
import type { ScalableTargetsService } from '../services/scalable-targets-service.js';
import type { ScalingPoliciesService } from '../services/scaling-policies-service.js';
import { serviceOfResource } from '../services/target-request.js';

const GONE = new Set(['ServiceNotFoundException', 'ClusterNotFoundException']);

export interface OrphanedTargetSweeperOptions {
  readonly store: StateStore;
  readonly services: ScalableServices;
  readonly targets: ScalableTargetsService;
  readonly policies: ScalingPoliciesService;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
  /** How often targets are checked; default 10 s. */
  readonly intervalMs?: number;
}

export class OrphanedTargetSweeper {
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> = Promise.resolve();

  constructor(private readonly options: OrphanedTargetSweeperOptions) {}

  start(): void {
    this.timer ??= setInterval(() => {
      this.sweeping = this.sweeping.then(() => this.sweep());
    }, this.options.intervalMs ?? 10_000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Deregisters every target whose service ECS no longer has. */
  async sweep(): Promise<void> {
    for (const target of this.options.store.list<ScalableTargetRecord>(AUTOSCALING_KIND.scalableTarget)) {
      const partition = partitionOfArn(target.scalableTargetArn);
      const { cluster, service } = serviceOfResource(target.resourceId);
      try {
        this.options.services.serviceDesiredCount(partition, cluster, service);
        continue;
      } catch (error) {
        if (!(error instanceof ApiError) || !GONE.has(error.code)) continue;
      }
      try {
        const alarms = this.options.targets.deregister(partition, target);
        await this.options.policies.deleteAlarms(partition, 'of a deleted service’s policies', alarms);
        this.options.log('auto scaling: deregistered the target of a deleted service', {
          resourceId: target.resourceId,
        });
      } catch (error) {
        this.options.log('auto scaling: could not deregister an orphaned target', {
          resourceId: target.resourceId,
          error: String(error),
        });
      }
    }
  }
}
