/**
 * What ECS needs from Elastic Load Balancing, and nothing more: reading a target group, registering
 * and deregistering a service's task targets, and reading their health. The server wires the ELBv2
 * module behind this port, so that ECS depends on no other API package.
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
}

/** The status an agent is told to hold a task in: a stopping task keeps running while its targets drain. */
export const agentDesiredStatus = (task: {
  readonly task: { readonly desiredStatus?: string | undefined };
  readonly loadBalancerTargets?: readonly unknown[] | undefined;
}): 'RUNNING' | 'STOPPED' =>
  task.task.desiredStatus === 'STOPPED' && (task.loadBalancerTargets ?? []).length === 0
    ? 'STOPPED'
    : 'RUNNING';
