/**
 * What ECS needs from Elastic Load Balancing, and nothing more: reading a target group, registering
 * and deregistering a service's task targets, reading their health, and reading and reweighing a
 * listener rule's forward action (blue/green traffic shifting). The server wires the ELBv2 module
 * behind this port, so that ECS depends on no other API package.
 */
import type { Partition } from '@berth/core';

export interface TargetGroupFacts {
  readonly targetGroupArn: string;
  readonly targetType: 'instance' | 'ip';
  /** The load balancers whose listeners forward to the group (empty: not attached). */
  readonly loadBalancerArns: readonly string[];
  readonly deregistrationDelaySeconds: number;
}

export interface LoadBalancerTarget {
  readonly id: string;
  readonly port: number;
}

/** ELBv2's TargetHealth state of one target, with its reason and description when not healthy. */
export interface LoadBalancerTargetHealth {
  readonly state: 'initial' | 'healthy' | 'unhealthy' | 'unused' | 'draining' | 'unavailable';
  readonly reason?: string;
  readonly description?: string;
}

export interface TargetGroupWeight {
  readonly targetGroupArn: string;
  /** 0–999. */
  readonly weight: number;
}

/** A listener rule (a listener's default rule included) as blue/green deployments steer it. */
export interface ListenerRuleFacts {
  readonly ruleArn: string;
  readonly listenerArn: string;
  readonly loadBalancerArn: string;
  /** The forward action's target groups in order; undefined when the rule does not forward. */
  readonly targetGroups: readonly TargetGroupWeight[] | undefined;
  /** The rule's actions are one forward action and nothing else. */
  readonly onlyForward: boolean;
}

export interface LoadBalancing {
  targetGroup(partition: Partition, targetGroupArn: string): TargetGroupFacts | undefined;
  registerTargets(partition: Partition, targetGroupArn: string, targets: readonly LoadBalancerTarget[]): void;
  deregisterTargets(
    partition: Partition,
    targetGroupArn: string,
    targets: readonly LoadBalancerTarget[],
  ): void;
  targetHealth(
    partition: Partition,
    targetGroupArn: string,
    target: LoadBalancerTarget,
  ): LoadBalancerTargetHealth;
  /** undefined when the rule does not exist in the partition. */
  listenerRule(partition: Partition, ruleArn: string): ListenerRuleFacts | undefined;
  /**
   * Replaces the target groups and weights of the rule's forward action, keeping the rest; a no-op
   * when they already are these. Throws ELBv2's ApiError when the rule, or a group, cannot take them.
   */
  setForwardWeights(partition: Partition, ruleArn: string, weights: readonly TargetGroupWeight[]): void;
}

/** The status an agent is told to hold a task in: a stopping task keeps running while its targets drain. */
export const agentDesiredStatus = (task: {
  readonly task: { readonly desiredStatus?: string | undefined };
  readonly loadBalancerTargets?: readonly unknown[] | undefined;
}): 'RUNNING' | 'STOPPED' =>
  task.task.desiredStatus === 'STOPPED' && (task.loadBalancerTargets ?? []).length === 0
    ? 'STOPPED'
    : 'RUNNING';
