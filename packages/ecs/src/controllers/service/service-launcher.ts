/**
 * Turns a service plan's launches into placed tasks: builds each task from its deployment's (or task
 * set's) task definition, places it with the service's constraints and strategies (ECS's default
 * for services: spread across availability zones, then instances) and commits through the plan
 * applier. Each task is started by the deployment or task set its launch names (`startedBy`).
 */
import { resourceIdOf, type Partition } from '@berth/core';
import type { Failure, NetworkConfiguration, PlacementStrategy } from '@berth/wire/ecs';
import { splitByStrategy, type StrategyItem, type TaskLaunch } from '@berth/scheduler';
import type { StoreTransaction } from '@berth/store';

import { effectiveAccountSetting } from '../../services/account-settings/effective-account-setting.js';
import { rootPrincipal } from '../../services/account-settings/setting-principal.js';
import type { AgentPresence } from '../../services/agent-presence.js';
import { providerInstances } from '../../services/capacity-providers/provider-instances.js';
import { AWAITING_DAEMON } from '../../services/daemons/daemon-readiness.js';
import { targetOf } from '../../services/fargate/launch-target.js';
import { NO_FARGATE_CAPACITY } from '../../services/fargate/managed-capacity.js';
import { placeOnManagedCapacity } from '../../services/fargate/place-on-managed-capacity.js';
import type { ServiceRecord } from '../../services/ecs-services/service-record.js';
import { serviceGroup } from '../../services/ecs-services/service-record.js';
import { KIND, type TaskDefinitionRecord, type TaskRecord } from '../../services/records.js';
import type { IdSource } from '../../services/service-deps.js';
import { withTasks, type InstanceUsage } from '../../services/instance-usage.js';
import { buildTask } from '../../services/tasks/task-factory.js';
import { placementFields, type TaskPlacement } from '../../services/tasks/task-placement-fields.js';
import { placeOnInstances, placementInstances } from '../../services/tasks/task-placement.js';

export const DEFAULT_SERVICE_STRATEGY: readonly PlacementStrategy[] = [
  { type: 'spread', field: 'attribute:ecs.availability-zone' },
  { type: 'spread', field: 'instanceId' },
];

const INSUFFICIENT: Readonly<Record<string, string>> = {
  'RESOURCE:CPU': 'has insufficient CPU units available',
  'RESOURCE:MEMORY': 'has insufficient memory available',
  'RESOURCE:PORTS': 'is already using a port required by your task',
  'RESOURCE:PORTS_UDP': 'is already using a port required by your task',
  ATTRIBUTE: 'is missing an attribute required by your task',
  AGENT: 'is not connected to its agent',
  // (impl) An instance of a daemon's capacity providers whose daemon task does not run yet.
  [AWAITING_DAEMON]: 'is waiting for its daemon tasks to start',
};

/** What launches name by id: a deployment of the service, or one of its task sets. */
export interface LaunchSource {
  readonly id: string;
  readonly taskDefinitionArn: string;
  /** 'EC2' or 'FARGATE'; with a capacity provider strategy, the launch type its providers give. */
  readonly launchType: string;
  readonly capacityProviderStrategy?: readonly StrategyItem[] | undefined;
  readonly platformVersion?: string | undefined;
  readonly networkConfiguration?: NetworkConfiguration | undefined;
}

/** The service whose tasks are launched, with the sources its launches name. */
export interface LaunchingService extends Pick<ServiceRecord, 'clusterArn' | 'service' | 'tags'> {
  readonly deployments: readonly LaunchSource[];
}

export interface LaunchOutcome {
  readonly started: readonly TaskRecord[];
  readonly events: readonly string[];
}

export interface LaunchContext {
  readonly tx: StoreTransaction;
  readonly partition: Partition;
  readonly presence: AgentPresence;
  /** Committed usage of the cluster's instances (this transaction's own placements are added here). */
  readonly usage: ReadonlyMap<string, InstanceUsage>;
  readonly ids: IdSource;
  /** Epoch seconds. */
  readonly now: number;
  /** The service's tasks still desired RUNNING after this reconcile's stops. */
  readonly running: readonly TaskRecord[];
  /** Who the events name: `service S` by default; a task set's launches say `service S, taskSet X`. */
  readonly eventSubject?: string;
}

const capacityFailureEvent = (subject: string): string =>
  `(${subject}) was unable to place a task. Reason: ${NO_FARGATE_CAPACITY}. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`;

const placementFailureEvent = (subject: string, failures: readonly Failure[]): string => {
  const closest = failures.find((f) => INSUFFICIENT[f.reason ?? '']);
  const prefix = `(${subject}) was unable to place a task because no container instance met all of its requirements.`;
  if (!closest) return `${prefix} Reason: No Container Instances were found in your cluster.`;
  return `${prefix} The closest matching (container-instance ${resourceIdOf(closest.arn ?? '')}) ${INSUFFICIENT[closest.reason ?? ''] ?? ''}. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`;
};

export const launchServiceTasks = (
  ctx: LaunchContext,
  record: LaunchingService,
  launches: readonly TaskLaunch[],
): LaunchOutcome => {
  const { tx } = ctx;
  const service = record.service;
  const name = service.serviceName ?? '';
  const subject = ctx.eventSubject ?? `service ${name}`;
  const started: TaskRecord[] = [];
  const events: string[] = [];
  // The service's tasks follow the account settings of the principal that created it.
  const logDriverMode = effectiveAccountSetting(
    tx,
    ctx.partition,
    service.createdBy ?? rootPrincipal(ctx.partition),
    'defaultLogDriverMode',
  );
  // Committed usage, carried forward as each batch of this transaction is placed.
  let usage = ctx.usage;
  // Live tasks per capacity provider: a strategy's split counts what the service already runs.
  const byProvider = new Map<string, number>();
  const countProvider = (name: string | undefined, n: number): void => {
    if (name) byProvider.set(name, (byProvider.get(name) ?? 0) + n);
  };
  for (const t of ctx.running) countProvider(t.task.capacityProviderName, 1);
  for (const launch of launches) {
    const deployment = record.deployments.find((d) => d.id === launch.deploymentId);
    const definitionRecord =
      deployment && tx.get<TaskDefinitionRecord>(KIND.taskDefinition, deployment.taskDefinitionArn);
    if (!deployment || !definitionRecord) continue;
    const definition = definitionRecord.definition;
    const target = targetOf(deployment);
    const template = (where: TaskPlacement | undefined, provider: string | undefined): TaskRecord => {
      return buildTask({
        partition: ctx.partition,
        clusterArn: record.clusterArn,
        definition,
        overrides: {},
        launchType: target.launchType,
        group: serviceGroup(name),
        startedBy: deployment.id,
        tags: [
          ...(service.propagateTags === 'SERVICE' ? record.tags : []),
          ...(service.propagateTags === 'TASK_DEFINITION' ? definitionRecord.tags : []),
          ...(service.enableECSManagedTags
            ? [
                { key: 'aws:ecs:clusterName', value: resourceIdOf(record.clusterArn) },
                { key: 'aws:ecs:serviceName', value: name },
              ]
            : []),
        ],
        ...(deployment.networkConfiguration ? { networkConfiguration: deployment.networkConfiguration } : {}),
        ...placementFields(tx, where),
        ...(provider ? { capacityProviderName: provider } : {}),
        ...(target.platformVersion ? { platformVersion: target.platformVersion } : {}),
        enableExecuteCommand: service.enableExecuteCommand ?? false,
        logDriverMode,
        taskId: ctx.ids.hexId(),
        newId: () => ctx.ids.uuid(),
        now: ctx.now,
      });
    };
    const shares: [string | undefined, number][] =
      target.strategy && !launch.instanceArn
        ? [...splitByStrategy(target.strategy, launch.count, byProvider)]
        : [[undefined, launch.count]];
    for (const [provider, count] of shares) {
      if (count === 0) continue;
      if (target.launchType === 'FARGATE') {
        const placed = placeOnManagedCapacity(
          tx,
          ctx.presence,
          ctx.partition,
          record.clusterArn,
          { count, memoryMiB: template(undefined, provider).reservation.memory },
          (host) => template({ kind: 'host', host }, provider),
        );
        started.push(...placed.committed);
        if (placed.failures.length > 0) events.push(capacityFailureEvent(subject));
        countProvider(provider, placed.committed.length);
        continue;
      }
      const only = launch.instanceArn
        ? new Set([launch.instanceArn])
        : provider !== undefined
          ? providerInstances(tx, ctx.partition, record.clusterArn, provider)
          : undefined;
      const instances = placementInstances(tx, record.clusterArn, ctx.presence, only, usage);
      const strategies =
        (service.placementStrategy ?? []).length > 0
          ? (service.placementStrategy ?? [])
          : DEFAULT_SERVICE_STRATEGY;
      const outcome = placeOnInstances(
        tx,
        {
          clusterArn: record.clusterArn,
          instances,
          count,
          template: template(undefined, provider),
          constraints: [...(definition.placementConstraints ?? []), ...(service.placementConstraints ?? [])],
          strategies: launch.instanceArn ? [] : strategies,
          seed: `${service.serviceArn ?? ''}/${ctx.now}/${ctx.ids.hexId()}`,
          usage,
        },
        (arn) => template({ kind: 'instance', arn }, provider),
      );
      started.push(...outcome.committed);
      usage = withTasks(usage, outcome.committed);
      countProvider(provider, outcome.committed.length);
      if (outcome.committed.length < count) events.push(placementFailureEvent(subject, outcome.failures));
    }
  }
  if (started.length > 0) {
    const ids = started.map((t) => `(task ${resourceIdOf(t.task.taskArn ?? '')})`).join(' ');
    events.unshift(`(${subject}) has started ${started.length} tasks: ${ids}.`);
  }
  return { started, events };
};
