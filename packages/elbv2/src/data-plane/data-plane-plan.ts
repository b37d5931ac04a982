/**
 * One pass of the data plane's decisions from a snapshot of ELBv2 records and the observed health
 * (pure): which targets each in-use target group health-checks, and the data-plane model with each
 * target's server state — draining targets drain; the others take traffic when healthy, or all of
 * them when none is (ALB's fail-open). Targets whose address cannot be resolved are left out.
 * Slow start (`slow_start.duration_seconds`): a target that turned healthy beside settled healthy
 * targets takes a share that grows linearly over the duration (HAProxy weight 1 → 100).
 */
import {
  routableServers,
  type TargetRouting,
  type CheckedTarget,
  type DataPlaneModel,
  type HealthCheckSettings,
} from '@berth/lb';

import { dataPlaneModel, type Elbv2Snapshot } from '../data-plane-model.js';
import type { RegisteredTargetRecord } from '../records/registered-target-record.js';
import type { TargetGroupRecord } from '../records/target-group-record.js';
import type { InstanceAddressResolver } from '../services/data-plane-source.js';
import type { ObservedHealth } from '../services/targets/target-health.js';

import { targetKey, type HealthyStart } from './target-health-board.js';

export interface CheckedGroup {
  readonly targetGroupArn: string;
  readonly targetGroupId: string;
  readonly settings: HealthCheckSettings;
  readonly targets: readonly CheckedTarget[];
}

export interface DataPlanePlan {
  readonly model: DataPlaneModel;
  readonly checks: readonly CheckedGroup[];
}

const checkSettings = (group: TargetGroupRecord): HealthCheckSettings => ({
  protocol: group.healthCheck.protocol,
  path: group.healthCheck.path,
  intervalMs: group.healthCheck.intervalSeconds * 1000,
  timeoutMs: group.healthCheck.timeoutSeconds * 1000,
  healthyThresholdCount: group.healthCheck.healthyThresholdCount,
  unhealthyThresholdCount: group.healthCheck.unhealthyThresholdCount,
  matcher: group.healthCheck.matcher,
});

const checkPort = (group: TargetGroupRecord, target: RegisteredTargetRecord): number =>
  group.healthCheck.port === 'traffic-port' ? target.port : Number(group.healthCheck.port);

export const FULL_WEIGHT = 100;

/** The slow start of a group in ms (0: off). */
export const slowStartMs = (group: TargetGroupRecord): number =>
  Number(group.attributes['slow_start.duration_seconds'] ?? '0') * 1000;

/** A target's weight at `now`: ramping linearly while in slow start, else full. */
export const rampedWeight = (start: HealthyStart | undefined, durationMs: number, now: number): number => {
  if (!start || !start.joinedPeers || durationMs <= 0) return FULL_WEIGHT;
  const elapsed = now - start.since;
  if (elapsed >= durationMs) return FULL_WEIGHT;
  return Math.max(1, Math.round((FULL_WEIGHT * elapsed) / durationMs));
};

export interface PlanInputs {
  readonly observed: (targetGroupArn: string, target: RegisteredTargetRecord) => ObservedHealth | undefined;
  readonly healthyStart: (targetGroupArn: string, target: RegisteredTargetRecord) => HealthyStart | undefined;
  readonly instances: InstanceAddressResolver;
  /** Epoch ms. */
  readonly now: number;
}

export const planDataPlane = (snapshot: Elbv2Snapshot, inputs: PlanInputs): DataPlanePlan => {
  const { observed, instances } = inputs;
  const addressOf = (target: RegisteredTargetRecord, group: TargetGroupRecord): string | undefined =>
    group.targetType === 'ip' ? target.id : instances(target.id);
  const stateOf = (target: RegisteredTargetRecord) =>
    target.state === 'draining' ? 'draining' : (observed(target.targetGroupArn, target)?.state ?? 'initial');
  const decisions = new Map<string, ReadonlyMap<string, 'ready' | 'drain' | 'maint'>>();
  for (const group of snapshot.targetGroups) {
    const targets = snapshot.targets.filter((t) => t.targetGroupArn === group.arn);
    const states = targets.map((t): TargetRouting => {
      const state = stateOf(t);
      return { targetKey: targetKey(t), state: state === 'unavailable' ? 'unhealthy' : state };
    });
    decisions.set(group.arn, routableServers(states).serverStates);
  }
  const model = dataPlaneModel(snapshot, {
    addressOf,
    route: (target, group) => ({
      state: decisions.get(group.arn)?.get(targetKey(target)) ?? 'maint',
      weight: rampedWeight(inputs.healthyStart(group.arn, target), slowStartMs(group), inputs.now),
    }),
  });
  const inUse = new Set(model.targetGroups.map((g) => g.id));
  const checks: CheckedGroup[] = [];
  for (const group of snapshot.targetGroups) {
    if (!inUse.has(group.id)) continue;
    const targets: CheckedTarget[] = [];
    for (const target of snapshot.targets) {
      if (target.targetGroupArn !== group.arn || target.state === 'draining') continue;
      const address = addressOf(target, group);
      if (address !== undefined)
        targets.push({ key: targetKey(target), address, port: checkPort(group, target) });
    }
    checks.push({
      targetGroupArn: group.arn,
      targetGroupId: group.id,
      settings: checkSettings(group),
      targets,
    });
  }
  return { model, checks };
};
