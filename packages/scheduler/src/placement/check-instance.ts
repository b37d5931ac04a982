/**
 * The filters, in the order ECS reports them: instance status, agent connection, attributes and
 * constraints, then CPU, MEMORY, PORTS, PORTS_UDP. Each returns the first reason the instance
 * refuses a task, or undefined when the task fits.
 */
import type { ResourceAmounts } from '@berth/core';
import type { Attribute } from '@berth/wire/ecs';

import { evaluate } from '../query-language/evaluate.js';
import { ownValue } from '../query-language/queryable-instance.js';
import type { CompiledConstraints } from './compile-constraints.js';
import { FailureReason } from './failure-reasons.js';
import type { InstanceState } from './instance-state.js';
import type { PlacementInstance } from './placement-types.js';

/** Instances that never take tasks and are not reported (DRAINING, REGISTERING, DEREGISTERING, ...). */
export const SKIP = 'SKIP';

const hasAttribute = (instance: PlacementInstance, required: Attribute): boolean =>
  Object.hasOwn(instance.attributes, required.name) &&
  (required.value === undefined || ownValue(instance.attributes, required.name) === required.value);

/** Checks that no task placed in this request can change; run once per instance. */
export const staticRefusal = (
  instance: PlacementInstance,
  constraints: CompiledConstraints,
  requiredAttributes: readonly Attribute[],
): FailureReason | typeof SKIP | undefined => {
  if (instance.status !== 'ACTIVE') return instance.status === 'INACTIVE' ? FailureReason.INACTIVE : SKIP;
  if (!instance.agentConnected) return FailureReason.AGENT;
  if (!requiredAttributes.every((required) => hasAttribute(instance, required)))
    return FailureReason.ATTRIBUTE;
  if (!constraints.staticExpressions.every((expression) => evaluate(expression, instance))) {
    return FailureReason.ATTRIBUTE;
  }
  return undefined;
};

const portsFree = (taken: ReadonlySet<number>, wanted: readonly number[]): boolean => {
  for (const port of wanted) if (taken.has(port)) return false;
  return true;
};

/**
 * Checks against the instance as it stands after the placements made so far. Runs once per
 * instance per task, so it is written as plain loops.
 */
export const dynamicRefusal = (
  state: InstanceState,
  reservation: ResourceAmounts,
  group: string,
  constraints: CompiledConstraints,
): FailureReason | undefined => {
  if (constraints.distinctInstance && (ownValue(state.taskGroups, group) ?? 0) > 0)
    return FailureReason.ATTRIBUTE;
  for (const expression of constraints.dynamicExpressions) {
    if (!evaluate(expression, state)) return FailureReason.ATTRIBUTE;
  }
  if (reservation.cpu > state.cpu) return FailureReason.CPU;
  if (reservation.memory > state.memory) return FailureReason.MEMORY;
  if (!portsFree(state.ports, reservation.ports)) return FailureReason.PORTS;
  if (!portsFree(state.portsUdp, reservation.portsUdp)) return FailureReason.PORTS_UDP;
  return undefined;
};
