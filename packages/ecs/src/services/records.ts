/**
 * What the control plane stores, by kind. Records are immutable: services build a new record and
 * `put` it. Counts and remaining resources are derived at read time, never stored.
 */
import type { ResourceAmounts } from '@berth/core';
import type {
  Attribute,
  Cluster,
  ContainerDefinition,
  ContainerInstance,
  Tag,
  Task,
  TaskDefinition,
} from '@berth/wire/ecs';

export const KIND = {
  cluster: 'cluster',
  taskDefinition: 'task-definition',
  containerInstance: 'container-instance',
  task: 'task',
  clientToken: 'client-token',
  service: 'service',
  taskSet: 'task-set',
  capacityProvider: 'capacity-provider',
  managedHost: 'managed-host',
  usage: 'usage',
  daemonTaskDefinition: 'daemon-task-definition',
  daemon: 'daemon',
  daemonRevision: 'daemon-revision',
  daemonDeployment: 'daemon-deployment',
  accountSetting: 'account-setting',
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
  /** awsvpc: the task's own address, as its agent reported it (the agent owns address management). */
  readonly address?: string;
  readonly taskDefinition: TaskDefinition;
  /** FARGATE: the managed host running the task (never shown; Fargate tasks have no container instance). */
  readonly hostArn?: string;
  /** A reclaimed FARGATE_SPOT task: how long its containers get between SIGTERM and SIGKILL. */
  readonly stopGraceSeconds?: number;
  /** What the agent reported doing differently from the task definition (e.g. a lowered ulimit). */
  readonly notices?: readonly string[];
  /**
   * Task scale-in protection (UpdateTaskProtection): protected until this time, epoch seconds.
   * Absent, or in the past, means unprotected.
   */
  readonly protectedUntil?: number;
  /** A daemon task (ECS Managed Daemons): the revision it runs, and whether its stop was acted on. */
  readonly daemon?: DaemonTaskMark;
  /**
   * A service task behind load balancers: the targets it is registered as. While a stopping task
   * still has targets it is DEACTIVATING and its agent keeps it running (the targets drain); the
   * registration controller clears them once the deregistration delay is over.
   */
  readonly loadBalancerTargets?: readonly LoadBalancerTargetMark[];
}

export interface LoadBalancerTargetMark {
  readonly targetGroupArn: string;
  /** The target's id: the task's IP (ip target groups) or its container instance's id (instance). */
  readonly id: string;
  readonly port: number;
  /** The container and port of the service's load balancer entry it serves. */
  readonly containerName: string;
  readonly containerPort: number;
}

export interface DaemonTaskMark {
  readonly daemonArn: string;
  readonly revisionArn: string;
  /** The daemon scheduler handled this task's own stop (drained the instance, counted the failure). */
  readonly stopHandled?: boolean;
}

/** Where a task runs: its container instance, or the managed host of a FARGATE task. */
export const placedOn = (record: TaskRecord): string | undefined =>
  record.hostArn ?? record.task.containerInstanceArn;

/**
 * A host of Berth-managed ("Fargate") capacity: an agent started with `--managed`. It serves every
 * cluster of its account, in every region, and never appears as a container instance.
 */
export interface ManagedHostRecord {
  readonly hostArn: string;
  /** The account whose credentials registered it: it runs that account's tasks only. */
  readonly accountId: string;
  readonly status: 'ACTIVE' | 'INACTIVE';
  readonly registeredResources: ResourceAmounts;
  readonly attributes: readonly Attribute[];
  /** Epoch seconds. */
  readonly registeredAt: number;
}

export interface ClientTokenRecord {
  readonly token: string;
  readonly requestHash: string;
  readonly taskArns: readonly string[];
  readonly createdAt: number;
}

/** One principal's explicit ECS account setting (PutAccountSetting); the root user's is the account default. */
export interface AccountSettingRecord {
  readonly partitionKey: string;
  /** `arn:aws:iam::<account>:root`, `…:user/<name>` or `…:role/<name>`. */
  readonly principalArn: string;
  readonly name: string;
  readonly value: string;
}
