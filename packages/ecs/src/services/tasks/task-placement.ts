import { subtractResources } from '@berth/core';
import type { Failure, PlacementConstraint, PlacementStrategy } from '@berth/wire/ecs';
import type { StoreTransaction } from '@berth/store';

import { applyPlan } from '../../plan/plan-applier.js';
import { placeTasks, type PlacementInstance, type PlacementResult } from '@berth/scheduler';
import type { StoreReader } from '@berth/store';

import type { AgentPresence } from '../agent-presence.js';
import { AWAITING_DAEMON, instancesAwaitingDaemons } from '../daemons/daemon-readiness.js';
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

/** A constraint as the wire gives it (task definition or request): `type` may be left out. */
export interface WireConstraint {
  readonly type?: PlacementConstraint['type'] | undefined;
  readonly expression?: string | undefined;
}

export interface InstancePlacementAsk {
  readonly clusterArn: string;
  readonly instances: readonly PlacementInstance[];
  readonly count: number;
  /** The task as it would be placed (its reservation, group and required attributes count). */
  readonly template: TaskRecord;
  readonly constraints: readonly WireConstraint[];
  readonly strategies: readonly PlacementStrategy[];
  readonly seed: string;
  /** StartTask: exactly these instances, one task each, without planning. */
  readonly exactly?: ReadonlySet<string>;
  /** Committed usage read in this transaction, if the caller has it. */
  readonly usage?: ReadonlyMap<string, InstanceUsage>;
}

/**
 * EC2 placement: plans the tasks on the instances (constraints, strategies), builds each for its
 * instance and commits through the plan applier. Failures carry ECS's reasons.
 */
export const placeOnInstances = (
  tx: StoreTransaction,
  ask: InstancePlacementAsk,
  build: (instanceArn: string) => TaskRecord,
): { committed: readonly TaskRecord[]; failures: readonly Failure[] } => {
  // Daemons start first: a non-daemon task skips instances whose daemon tasks do not run yet.
  const waiting = ask.template.daemon ? new Set<string>() : instancesAwaitingDaemons(tx, ask.clusterArn);
  const ready = (arn: string): boolean => !waiting.has(arn);
  const plan = ask.exactly
    ? { placements: [...ask.exactly].filter(ready).map((instanceArn) => ({ instanceArn })), failures: [] }
    : planPlacement(
        ask.instances.filter((i) => ready(i.arn)),
        {
          count: ask.count,
          template: ask.template,
          constraints: ask.constraints.map((c) => ({
            type: c.type ?? 'memberOf',
            ...(c.expression ? { expression: c.expression } : {}),
          })),
          strategies: ask.strategies,
          seed: ask.seed,
        },
      );
  const candidates = ask.exactly ? [...ask.exactly] : ask.instances.map((i) => i.arn);
  const awaiting =
    plan.placements.length < ask.count
      ? candidates.filter((arn) => !ready(arn)).map((arn) => ({ arn, reason: AWAITING_DAEMON }))
      : [];
  const planned = plan.placements.map((p) => build(p.instanceArn));
  const outcome = applyPlan(tx, ask.clusterArn, planned, ask.usage);
  return {
    committed: outcome.committed,
    failures: [
      ...plan.failures,
      ...awaiting,
      ...outcome.rejected.map((r) => ({ arn: r.task.task.containerInstanceArn ?? '', reason: r.reason })),
    ],
  };
};
