import { subtractResources, type PlacementConstraint, type PlacementStrategy } from '@berth/core';
import { placeTasks, type PlacementInstance, type PlacementResult } from '@berth/scheduler';
import type { StoreReader } from '@berth/store';

import type { AgentPresence } from '../agent-presence.js';
import { queryableInstance } from '../container-instances/instance-views.js';
import { instanceUsage, usageOf, type InstanceUsage } from '../instance-usage.js';
import { KIND, type ContainerInstanceRecord, type TaskRecord } from '../records.js';

/** The placement view of a cluster's registered instances, true at the moment of reading. */
export const placementInstances = (
  reader: StoreReader,
  clusterArn: string,
  presence: AgentPresence,
  only?: ReadonlySet<string>,
  usage: ReadonlyMap<string, InstanceUsage> = instanceUsage(reader, clusterArn),
): PlacementInstance[] => {
  return reader
    .list<ContainerInstanceRecord>(KIND.containerInstance, clusterArn)
    .filter((r) => r.instance.status !== 'INACTIVE')
    .filter((r) => !only || only.has(r.instance.containerInstanceArn ?? ''))
    .map((record) => {
      const arn = record.instance.containerInstanceArn ?? '';
      const connected = presence.isConnected(arn);
      const used = usageOf(usage, arn);
      return {
        ...queryableInstance(record, connected, used),
        status: record.instance.status ?? 'ACTIVE',
        remaining: subtractResources(record.registeredResources, used.reserved),
      };
    });
};

export interface PlacementAsk {
  readonly count: number;
  readonly template: TaskRecord;
  readonly constraints: readonly PlacementConstraint[];
  readonly strategies: readonly PlacementStrategy[];
  readonly seed: string;
}

export const planPlacement = (instances: readonly PlacementInstance[], ask: PlacementAsk): PlacementResult =>
  placeTasks(
    {
      count: ask.count,
      reservation: ask.template.reservation,
      group: ask.template.task.group ?? '',
      constraints: ask.constraints,
      strategies: ask.strategies,
      requiredAttributes: ask.template.taskDefinition.requiresAttributes ?? [],
      seed: ask.seed,
    },
    instances,
  );
