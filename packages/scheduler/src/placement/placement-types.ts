/** The inputs and outputs of task placement. */
import type { ResourceAmounts } from '@berth/core';
import type { Attribute, PlacementConstraint, PlacementStrategy } from '@berth/wire/ecs';

import type { QueryableInstance } from '../query-language/queryable-instance.js';

export interface PlacementInstance extends QueryableInstance {
  /** ACTIVE, DRAINING, INACTIVE, ...; only ACTIVE instances receive tasks. */
  readonly status: string;
  /** What is still free. `ports`/`portsUdp` are the host ports already taken (reserved and static). */
  readonly remaining: ResourceAmounts;
}

export interface PlacementRequest {
  /** How many identical tasks to place. */
  readonly count: number;
  /** What each task reserves. */
  readonly reservation: ResourceAmounts;
  /** The task group of the tasks being placed (`service:<name>`, `family:<name>` or custom). */
  readonly group: string;
  /** Request and task-definition constraints, already merged by the caller. */
  readonly constraints: readonly PlacementConstraint[];
  /** Applied in order, each breaking the ties of the ones before. */
  readonly strategies: readonly PlacementStrategy[];
  /** Attributes the task needs: the name must be present, and equal `value` when one is given. */
  readonly requiredAttributes?: readonly Attribute[] | undefined;
  /** Seeds every random choice, so the same request over the same instances places the same way. */
  readonly seed: string;
  /** The group whose task counts `spread` balances; defaults to `group`. */
  readonly spreadCountGroup?: string | undefined;
}

export interface PlacementAssignment {
  readonly instanceArn: string;
}

/** Why an instance could not take a task, as ECS reports it in RunTask's `failures[]`. */
export interface PlacementFailure {
  readonly arn: string;
  readonly reason: string;
}

export interface PlacementResult {
  /** One per placed task, in placement order; fewer than `count` when the rest fit nowhere. */
  readonly placements: readonly PlacementAssignment[];
  /** When a task could not be placed: one entry per instance that refused it, with the first reason. */
  readonly failures: readonly PlacementFailure[];
}
