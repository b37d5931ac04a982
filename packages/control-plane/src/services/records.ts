/**
 * What the control plane stores, by kind. Records are immutable: services build a new record and
 * `put` it. Counts and remaining resources are derived at read time, never stored.
 */
import type {
  Cluster,
  ContainerDefinition,
  ContainerInstance,
  ResourceAmounts,
  Tag,
  Task,
  TaskDefinition,
} from '@berth/core';

export const KIND = {
  cluster: 'cluster',
  taskDefinition: 'task-definition',
  containerInstance: 'container-instance',
  task: 'task',
  clientToken: 'client-token',
  service: 'service',
} as const;

export interface ClusterRecord {
  readonly partitionKey: string;
  /** The wire cluster without derived counts and statistics. */
  readonly cluster: Cluster;
  readonly tags: readonly Tag[];
}

export interface TaskDefinitionRecord {
  readonly partitionKey: string;
  readonly definition: TaskDefinition;
  readonly tags: readonly Tag[];
}

export interface ContainerInstanceRecord {
  readonly clusterArn: string;
  /** The wire instance without derived fields (remainingResources, task counts, agentConnected). */
  readonly instance: ContainerInstance;
  readonly registeredResources: ResourceAmounts;
  readonly tags: readonly Tag[];
  /** Incremented by the agent link on each (re)registration, to tell sessions apart. */
  readonly sessionEpoch: number;
}

export interface TaskRecord {
  readonly clusterArn: string;
  readonly task: Task;
  /** The container definitions this task runs (task definition + overrides), as sent to the agent. */
  readonly containerDefinitions: readonly ContainerDefinition[];
  readonly reservation: ResourceAmounts;
  readonly networkMode: 'bridge' | 'host' | 'awsvpc' | 'none';
  readonly family: string;
  readonly revision: number;
  /** awsvpc: the task's own address. */
  readonly address?: string;
  readonly taskDefinition: TaskDefinition;
}

export interface ClientTokenRecord {
  readonly token: string;
  readonly requestHash: string;
  readonly taskArns: readonly string[];
  readonly createdAt: number;
}
