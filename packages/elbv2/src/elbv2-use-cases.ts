/**
 * The ELBv2 use cases other packages call (ECS wires a service's tasks into its target groups
 * through these, never through ELBv2's records): register and deregister targets, read their
 * health, read a group's deregistration delay and health-check settings, check that a group
 * exists and fits a service's load balancer configuration, and read and reweigh a listener rule's
 * forward action (blue/green traffic shifting).
 */
import { partitionKey, type Partition } from '@berth/core';
import type { StoreReader } from '@berth/store';
import type { TargetHealth } from '@berth/wire/elbv2';

import type { HealthCheckSettings } from './records/target-group-record.js';
import { findTargetGroup } from './services/lookups.js';
import type { RuleForward, TargetGroupWeight } from './services/rules/forward-weights.js';
import { loadBalancersUsing } from './services/rules/rule-store.js';
import type { RulesService } from './services/rules/rules-service.js';
import type { TargetsService } from './services/targets/targets-service.js';

export interface TargetRegistration {
  /** An IPv4 address (target type ip) or an instance id (target type instance). */
  readonly id: string;
  readonly port: number;
}

export interface TargetHealthReport extends TargetRegistration {
  readonly health: TargetHealth;
}

export interface TargetGroupSettings {
  readonly targetGroupArn: string;
  readonly targetType: 'instance' | 'ip';
  readonly protocol: 'HTTP' | 'HTTPS';
  readonly port: number;
  /** deregistration_delay.timeout_seconds: how long ECS waits before stopping a deregistered task. */
  readonly deregistrationDelaySeconds: number;
  readonly healthCheck: HealthCheckSettings;
  /** The load balancers whose rules forward to the group (at most one for an ALB group). */
  readonly loadBalancerArns: readonly string[];
}

/** What ECS's CreateService/UpdateService need to know of a service's load balancer entry. */
export interface ServiceLoadBalancerCheck {
  readonly targetGroupArn: string;
  /** awsvpc tasks need `ip` target groups; bridge and host tasks need `instance` ones. */
  readonly networkMode: 'awsvpc' | 'bridge' | 'host';
}

export type ServiceLoadBalancerVerdict =
  | { readonly ok: true; readonly settings: TargetGroupSettings }
  | { readonly ok: false; readonly reason: string };

export interface Elbv2UseCases {
  registerTargets(partition: Partition, targetGroupArn: string, targets: readonly TargetRegistration[]): void;
  /** Starts draining; the targets leave after the group's deregistration delay. */
  deregisterTargets(
    partition: Partition,
    targetGroupArn: string,
    targets: readonly TargetRegistration[],
  ): void;
  targetHealth(
    partition: Partition,
    targetGroupArn: string,
    targets?: readonly TargetRegistration[],
  ): TargetHealthReport[];
  /** undefined when the group does not exist in the partition. */
  targetGroupSettings(partition: Partition, targetGroupArn: string): TargetGroupSettings | undefined;
  checkServiceLoadBalancer(partition: Partition, check: ServiceLoadBalancerCheck): ServiceLoadBalancerVerdict;
  /** undefined when the rule (a listener's default rule included) does not exist in the partition. */
  ruleForward(partition: Partition, ruleArn: string): RuleForward | undefined;
  /**
   * Replaces the target groups and weights (0–999) of the rule's forward action in one transaction,
   * keeping its order and stickiness; writes nothing when they already are these. Throws ELBv2's
   * ApiErrors: RuleNotFound, a rule without a forward action, groups missing or of another load balancer.
   */
  setForwardWeights(partition: Partition, ruleArn: string, weights: readonly TargetGroupWeight[]): void;
}

const wire = (targets: readonly TargetRegistration[]) => targets.map((t) => ({ Id: t.id, Port: t.port }));

export const elbv2UseCases = (
  store: StoreReader,
  targets: TargetsService,
  rules: RulesService,
): Elbv2UseCases => {
  const settings = (partition: Partition, arn: string): TargetGroupSettings | undefined => {
    const tg = findTargetGroup(store, partitionKey(partition), arn);
    if (!tg) return undefined;
    return {
      targetGroupArn: tg.arn,
      targetType: tg.targetType,
      protocol: tg.protocol,
      port: tg.port,
      deregistrationDelaySeconds: Number(tg.attributes['deregistration_delay.timeout_seconds'] ?? '300'),
      healthCheck: tg.healthCheck,
      loadBalancerArns: loadBalancersUsing(store, tg.arn),
    };
  };
  return {
    registerTargets: (partition, arn, list) => targets.register(partition, arn, wire(list)),
    deregisterTargets: (partition, arn, list) => targets.deregister(partition, arn, wire(list)),
    targetHealth: (partition, arn, list) =>
      targets.describeHealth(partition, arn, list && wire(list)).map((d) => ({
        id: d.Target?.Id ?? '',
        port: d.Target?.Port ?? 0,
        health: d.TargetHealth ?? {},
      })),
    targetGroupSettings: settings,
    checkServiceLoadBalancer: (partition, check) => {
      const found = settings(partition, check.targetGroupArn);
      if (!found) return { ok: false, reason: `The target group ${check.targetGroupArn} does not exist.` };
      const wanted = check.networkMode === 'awsvpc' ? 'ip' : 'instance';
      if (found.targetType !== wanted)
        return {
          ok: false,
          reason:
            `The provided target group ${check.targetGroupArn} has target type ${found.targetType}, which is incompatible ` +
            `with the ${check.networkMode} network mode specified in the task definition.`,
        };
      if (found.loadBalancerArns.length === 0)
        return {
          ok: false,
          reason: `The target group with targetGroupArn ${check.targetGroupArn} does not have an associated load balancer.`,
        };
      return { ok: true, settings: found };
    },
    ruleForward: (partition, arn) => rules.forwardOf(partition, arn),
    setForwardWeights: (partition, arn, weights) => rules.setForwardWeights(partition, arn, weights),
  };
};
