/**
 * What the control plane keeps of a task set (a service with the EXTERNAL deployment controller).
 * One record per task set, keyed by its ARN in the cluster's scope, so TagResource finds it like
 * any other resource. Running and pending counts and computedDesiredCount are derived at read time
 * (from the tasks whose `startedBy` is the task set id, and from the service's desiredCount).
 */
import type { NetworkConfiguration, Tag } from '@berth/wire/ecs';
import type { StabilityStatus, StrategyItem, TaskSetStatus } from '@berth/scheduler';
import type { StoreReader } from '@berth/store';

import { KIND } from '../records.js';

export const TASK_SET_KIND = KIND.taskSet;

export interface TaskSetRecord {
  readonly clusterArn: string;
  readonly serviceArn: string;
  /**
   * `ecs-svc/<19 digits>`, minted like a deployment id. (impl) It is the `startedBy` of the task
   * set's tasks, as a deployment's id is of a rolling service's tasks, so `ListTasks --started-by`
   * finds a task set's tasks; ECS does not document what its task-set tasks carry.
   */
  readonly id: string;
  readonly taskSetArn: string;
  readonly status: TaskSetStatus;
  readonly externalId?: string;
  readonly taskDefinitionArn: string;
  /** 'EC2' or 'FARGATE'; with a capacity provider strategy, the launch type its providers give. */
  readonly launchType: 'EC2' | 'FARGATE';
  readonly capacityProviderStrategy?: readonly StrategyItem[];
  /** FARGATE: the platform version asked for (LATEST unless given). */
  readonly platformVersion?: string;
  readonly networkConfiguration?: NetworkConfiguration;
  /** Percent of the service's desiredCount, 0–100. */
  readonly scale: { readonly value: number; readonly unit: 'PERCENT' };
  /** Epoch seconds. */
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly stabilityStatus: StabilityStatus;
  readonly stabilityStatusAt: number;
  /** Launch throttle, kept by the task-set controller. */
  readonly failedLaunches: number;
  readonly nextLaunchAt: number;
  readonly tags: readonly Tag[];
  /** CreateTaskSet idempotency: the token and a hash of the request it came with. */
  readonly clientToken?: string;
  readonly requestHash?: string;
}

/** The task sets of a service, oldest first. */
export const taskSetsOf = (reader: StoreReader, clusterArn: string, serviceArn: string): TaskSetRecord[] =>
  reader
    .list<TaskSetRecord>(TASK_SET_KIND, clusterArn)
    .filter((t) => t.serviceArn === serviceArn)
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
