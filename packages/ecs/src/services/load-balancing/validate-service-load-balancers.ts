/**
 * CreateService/UpdateService `loadBalancers`, checked as ECS checks them: Application Load
 * Balancer target groups only (no Classic `loadBalancerName`), at most 5, each naming a container
 * of the task definition and one of its container ports, the group existing, forwarded to by a
 * load balancer, and of the target type the network mode needs (awsvpc → ip; bridge/host → instance),
 * with its blue/green `advancedConfiguration` when given (validate-advanced-configuration.ts).
 * Messages are ECS's, as its API returns them.
 */
import { invalidParameter, unsupportedFeature, type Partition } from '@berth/core';
import type { LoadBalancer, TaskDefinition } from '@berth/wire/ecs';

import type { LoadBalancing } from './load-balancing.js';
import { checkedTargetGroup, checkTargetType } from './target-group-checks.js';
import { validateAdvancedConfiguration } from './validate-advanced-configuration.js';

const MAX_LOAD_BALANCERS = 5;

export const validateServiceLoadBalancers = (
  loadBalancers: readonly LoadBalancer[],
  definition: TaskDefinition,
  partition: Partition,
  loadBalancing: LoadBalancing | undefined,
): LoadBalancer[] => {
  if (loadBalancers.length === 0) return [];
  if (!loadBalancing) throw unsupportedFeature('This Berth server runs without Elastic Load Balancing.');
  if (loadBalancers.length > MAX_LOAD_BALANCERS)
    throw invalidParameter(`loadBalancers can have at most ${MAX_LOAD_BALANCERS} items.`);
  const networkMode = definition.networkMode ?? 'bridge';
  return loadBalancers.map((lb) => {
    if (lb.loadBalancerName !== undefined && lb.targetGroupArn === undefined)
      throw unsupportedFeature(
        'Berth supports Application Load Balancer target groups, not Classic Load Balancers.',
      );
    if (lb.targetGroupArn === undefined) throw invalidParameter('targetGroupArn must be specified.');
    if (lb.containerName === undefined || lb.containerPort === undefined)
      throw invalidParameter('Both containerName and containerPort must be specified for a load balancer.');
    const container = (definition.containerDefinitions ?? []).find((c) => c.name === lb.containerName);
    if (!container)
      throw invalidParameter(`The container ${lb.containerName} does not exist in the task definition.`);
    if (!(container.portMappings ?? []).some((p) => p.containerPort === lb.containerPort))
      throw invalidParameter(
        `The container ${lb.containerName} did not have a container port ${lb.containerPort} defined.`,
      );
    const group = checkedTargetGroup(loadBalancing, partition, lb.targetGroupArn, 'targetGroupArn');
    if (group.loadBalancerArns.length === 0)
      throw invalidParameter(
        `The target group with targetGroupArn ${lb.targetGroupArn} does not have an associated load balancer.`,
      );
    checkTargetType(lb.targetGroupArn, group, networkMode);
    const entry: LoadBalancer = {
      targetGroupArn: lb.targetGroupArn,
      containerName: lb.containerName,
      containerPort: lb.containerPort,
    };
    const advanced = lb.advancedConfiguration;
    if (advanced === undefined) return entry;
    const checked = validateAdvancedConfiguration(advanced, group, networkMode, partition, loadBalancing);
    return { ...entry, advancedConfiguration: checked };
  });
};
