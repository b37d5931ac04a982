/**
 * The working copy of one instance while a request is placed: what is left of it after the tasks
 * placed so far in this call, so constraints and resources are checked against the current state.
 */
import type { ResourceAmounts } from '@berth/core';

import { ownValue } from '../query-language/queryable-instance.js';
import type { QueryableInstance } from '../query-language/queryable-instance.js';
import type { PlacementInstance } from './placement-types.js';

export interface InstanceState extends QueryableInstance {
  /** Position in the caller's instance list. */
  readonly index: number;
  readonly source: PlacementInstance;
  cpu: number;
  memory: number;
  readonly ports: Set<number>;
  readonly portsUdp: Set<number>;
  runningTasksCount: number;
  taskGroups: Readonly<Record<string, number>>;
  /** Tasks of the spread-count group on this instance, including those placed in this call. */
  spreadCount: number;
}

export const createInstanceState = (
  instance: PlacementInstance,
  index: number,
  spreadGroup: string,
): InstanceState => ({
  index,
  source: instance,
  arn: instance.arn,
  ec2InstanceId: instance.ec2InstanceId,
  agentConnected: instance.agentConnected,
  agentVersion: instance.agentVersion,
  registeredAt: instance.registeredAt,
  attributes: instance.attributes,
  cpu: instance.remaining.cpu,
  memory: instance.remaining.memory,
  ports: new Set(instance.remaining.ports),
  portsUdp: new Set(instance.remaining.portsUdp),
  runningTasksCount: instance.runningTasksCount,
  taskGroups: instance.taskGroups,
  spreadCount: ownValue(instance.taskGroups, spreadGroup) ?? 0,
});

/** Debits one task of `group` from the instance. */
export const applyPlacement = (state: InstanceState, reservation: ResourceAmounts, group: string): void => {
  state.cpu -= reservation.cpu;
  state.memory -= reservation.memory;
  for (const port of reservation.ports) state.ports.add(port);
  for (const port of reservation.portsUdp) state.portsUdp.add(port);
  state.runningTasksCount += 1;
  // Copy on write: the caller's record stays untouched. Spread and computed keys make own properties.
  state.taskGroups = { ...state.taskGroups, [group]: (ownValue(state.taskGroups, group) ?? 0) + 1 };
  state.spreadCount += 1;
};
