/**
 * RunTask, StartTask and StopTask: the task's intent (desired state) written in one transaction,
 * placements committed through the plan applier.
 */
import { createHash } from 'node:crypto';

import { ApiError, invalidParameter, type Partition } from '@berth/core';
import type { Failure, RunTaskRequest, StartTaskRequest, Task } from '@berth/wire/ecs';
import { splitByStrategy } from '@berth/scheduler';
import type { StoreTransaction } from '@berth/store';

import { effectiveAccountSetting } from '../account-settings/effective-account-setting.js';
import { rootPrincipal } from '../account-settings/setting-principal.js';
import type { AgentPresence } from '../agent-presence.js';
import { activeCluster } from '../cluster-ref.js';
import type { ClustersService } from '../clusters/clusters-service.js';
import { providerInstances } from '../capacity-providers/provider-instances.js';
import { validateFargateLaunch } from '../fargate/fargate-launch-rules.js';
import { resolveLaunchTarget } from '../fargate/launch-target.js';
import { placeOnManagedCapacity } from '../fargate/place-on-managed-capacity.js';
import { KIND, type ClientTokenRecord, type ContainerInstanceRecord, type TaskRecord } from '../records.js';
import { epochSeconds, type ServiceDeps } from '../service-deps.js';
import { validateTags } from '../tags.js';
import type { TaskDefinitionRegistry } from '../task-definition-registry.js';

import { buildTask } from './task-factory.js';
import { placementFields, type TaskPlacement } from './task-placement-fields.js';
import { placeOnInstances, placementInstances } from './task-placement.js';
import { findTask } from './task-lookup.js';
import { stopTask } from './stop-task.js';
import {
  validateCount,
  validateInactiveDefinition,
  validateNetworkConfiguration,
  validateOverrides,
  validateStartedBy,
} from './run-task-request.js';
import { taskView } from './task-view.js';

const CLIENT_TOKEN_TTL_MS = 12 * 60 * 60 * 1000;

type LaunchRequest = RunTaskRequest & { containerInstances?: string[] };

export class TasksService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly clusters: ClustersService,
    private readonly taskDefinitions: TaskDefinitionRegistry,
    private readonly presence: AgentPresence,
  ) {}

  /** RunTask; `principalArn` is the caller, whose account settings (defaultLogDriverMode) apply. */
  run(
    partition: Partition,
    request: RunTaskRequest,
    principalArn: string = rootPrincipal(partition),
  ): { tasks: Task[]; failures: Failure[] } {
    const count = validateCount(request.count);
    return this.deps.store.transact((tx) => {
      const replay = this.replayClientToken(tx, request);
      if (replay) return replay;
      const result = this.launch(tx, partition, request, count, principalArn);
      if (request.clientToken) this.rememberClientToken(tx, request, result.tasks);
      return result;
    });
  }

  start(
    partition: Partition,
    request: StartTaskRequest,
    principalArn: string = rootPrincipal(partition),
  ): { tasks: Task[]; failures: Failure[] } {
    const instances = request.containerInstances ?? [];
    if (instances.length < 1 || instances.length > 10) {
      throw invalidParameter('containerInstances must contain between 1 and 10 items.');
    }
    return this.deps.store.transact((tx) =>
      this.launch(tx, partition, { ...request, launchType: 'EC2' }, instances.length, principalArn),
    );
  }

  stop(
    partition: Partition,
    clusterRef: string | undefined,
    taskRef: string,
    reason: string | undefined,
  ): Task {
    if (reason !== undefined && reason.length > 255)
      throw invalidParameter('reason can be at most 255 characters.');
    return this.deps.store.transact((tx) => {
      const cluster = activeCluster(tx, partition, clusterRef);
      const record = findTask(tx, partition, cluster.cluster.clusterArn ?? '', taskRef);
      if (!record) throw invalidParameter('The referenced task was not found.');
      const stopped = stopTask(tx, record, {
        code: 'UserInitiated',
        reason: reason ?? 'Task stopped by user',
        now: epochSeconds(this.deps.now()),
      });
      return taskView(stopped, []);
    });
  }

  private launch(
    tx: StoreTransaction,
    partition: Partition,
    request: LaunchRequest,
    count: number,
    principalArn: string,
  ): { tasks: Task[]; failures: Failure[] } {
    const cluster = this.clusters.ensureDefault(tx, partition, request.cluster);
    const clusterArn = cluster.cluster.clusterArn ?? '';
    const definitionRecord = this.taskDefinitions.resolve(tx, partition, request.taskDefinition);
    const definition = definitionRecord.definition;
    validateInactiveDefinition(definition);
    const target = resolveLaunchTarget(request, cluster.cluster);
    validateNetworkConfiguration(definition, request.networkConfiguration);
    const overrides = validateOverrides(definition, request.overrides);
    if (target.launchType === 'FARGATE') validateFargateLaunch(definition, { ...request, overrides });
    validateStartedBy(request.startedBy);
    const tags = validateTags(request.tags);
    const propagated = request.propagateTags === 'TASK_DEFINITION' ? [...definitionRecord.tags] : [];
    const managed = request.enableECSManagedTags
      ? [{ key: 'aws:ecs:clusterName', value: cluster.cluster.clusterName ?? '' }]
      : [];
    const now = this.deps.now();
    const logDriverMode = effectiveAccountSetting(tx, partition, principalArn, 'defaultLogDriverMode');
    const build = (where: TaskPlacement | undefined, capacityProviderName?: string): TaskRecord => {
      return buildTask({
        partition,
        clusterArn,
        definition,
        overrides,
        launchType: target.launchType,
        group: request.group ?? `family:${definition.family ?? ''}`,
        ...(request.startedBy !== undefined ? { startedBy: request.startedBy } : {}),
        tags: [...tags, ...propagated, ...managed],
        ...(request.networkConfiguration ? { networkConfiguration: request.networkConfiguration } : {}),
        ...placementFields(tx, where),
        ...(capacityProviderName ? { capacityProviderName } : {}),
        ...(target.platformVersion ? { platformVersion: target.platformVersion } : {}),
        enableExecuteCommand: request.enableExecuteCommand ?? false,
        logDriverMode,
        taskId: this.deps.ids.hexId(),
        newId: () => this.deps.ids.uuid(),
        now: epochSeconds(now),
      });
    };
    const shares: [string | undefined, number][] = target.strategy
      ? [...splitByStrategy(target.strategy, count)]
      : [[undefined, count]];
    const outcomes = shares
      .filter(([, n]) => n > 0)
      .map(([provider, n]) =>
        target.launchType === 'FARGATE'
          ? placeOnManagedCapacity(
              tx,
              this.presence,
              partition,
              clusterArn,
              { count: n, memoryMiB: build(undefined).reservation.memory },
              (host) => build({ kind: 'host', host }, provider),
            )
          : this.launchOnInstances(tx, partition, request, clusterArn, n, provider, build, now),
      );
    return {
      tasks: outcomes.flatMap((o) => o.committed.map((t) => taskView(t, ['TAGS']))),
      failures: outcomes.flatMap((o) => o.failures),
    };
  }

  /** EC2 placement: the cluster's instances (or a capacity provider's), constraints and strategies. */
  private launchOnInstances(
    tx: StoreTransaction,
    partition: Partition,
    request: LaunchRequest,
    clusterArn: string,
    count: number,
    provider: string | undefined,
    build: (where: TaskPlacement | undefined, capacityProviderName?: string) => TaskRecord,
    now: number,
  ): { committed: readonly TaskRecord[]; failures: readonly Failure[] } {
    const only = request.containerInstances
      ? this.instanceSet(tx, clusterArn, request.containerInstances)
      : provider !== undefined
        ? providerInstances(tx, partition, clusterArn, provider)
        : undefined;
    const instances = placementInstances(tx, clusterArn, this.presence, only);
    if (instances.filter((i) => i.status === 'ACTIVE').length === 0 && !only) {
      throw invalidParameter('No Container Instances were found in your cluster.');
    }
    const template = build(undefined, provider);
    return placeOnInstances(
      tx,
      {
        clusterArn,
        instances,
        count,
        template,
        constraints: [
          ...(template.taskDefinition.placementConstraints ?? []),
          ...(request.placementConstraints ?? []),
        ],
        strategies: request.placementStrategy ?? [],
        seed: `${clusterArn}/${now}/${this.deps.ids.hexId()}`,
        ...(request.containerInstances && only ? { exactly: only } : {}),
      },
      (arn) => build({ kind: 'instance', arn }, provider),
    );
  }

  private instanceSet(tx: StoreTransaction, clusterArn: string, refs: readonly string[]): Set<string> {
    const instances = tx.list<ContainerInstanceRecord>(KIND.containerInstance, clusterArn);
    const arns = new Set<string>();
    for (const ref of refs) {
      const match = instances.find(
        (i) =>
          i.instance.containerInstanceArn === ref || i.instance.containerInstanceArn?.endsWith(`/${ref}`),
      );
      if (!match) throw invalidParameter(`Container instance ${ref} was not found in the cluster.`);
      arns.add(match.instance.containerInstanceArn ?? '');
    }
    return arns;
  }

  private replayClientToken(
    tx: StoreTransaction,
    request: RunTaskRequest,
  ): { tasks: Task[]; failures: Failure[] } | undefined {
    if (!request.clientToken) return undefined;
    const stored = tx.get<ClientTokenRecord>(KIND.clientToken, request.clientToken);
    if (!stored || this.deps.now() - stored.createdAt > CLIENT_TOKEN_TTL_MS) return undefined;
    if (stored.requestHash !== hashRequest(request)) {
      throw new ApiError(
        'ConflictException',
        'The request could not be processed because of conflict in the current state of the resource.',
        400,
        { resourceIds: stored.taskArns },
      );
    }
    const tasks = stored.taskArns
      .map((arn) => tx.get<TaskRecord>(KIND.task, arn))
      .filter((t): t is TaskRecord => t !== undefined)
      .map((t) => taskView(t, ['TAGS']));
    return { tasks, failures: [] };
  }

  private rememberClientToken(tx: StoreTransaction, request: RunTaskRequest, tasks: readonly Task[]): void {
    const record: ClientTokenRecord = {
      token: request.clientToken ?? '',
      requestHash: hashRequest(request),
      taskArns: tasks.map((t) => t.taskArn ?? ''),
      createdAt: this.deps.now(),
    };
    tx.put(KIND.clientToken, record.token, 'client-token', record);
  }
}

const hashRequest = (request: RunTaskRequest): string => {
  const { clientToken: _token, ...rest } = request;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
};
