/**
 * CreateTaskSet, DescribeTaskSets, UpdateTaskSet, UpdateServicePrimaryTaskSet and DeleteTaskSet:
 * a task set's intent written in one transaction; the task-set controller turns it into tasks.
 * Changes set the task set STABILIZING (as ECS's own examples show right after each call) until
 * the controller finds it steady.
 */
import { createHash } from 'node:crypto';

import { clientException, invalidParameter, taskSetArn, type Partition } from '@berth/core';
import type {
  CreateTaskSetRequest,
  DeleteTaskSetRequest,
  DescribeTaskSetsRequest,
  Failure,
  TaskSet,
  UpdateServicePrimaryTaskSetRequest,
  UpdateTaskSetRequest,
} from '@berth/wire/ecs';
import type { StoreReader, StoreTransaction } from '@berth/store';

import { clusterNameOf } from '../cluster-ref.js';
import { deploymentIdFrom } from '../ecs-services/deployment-id.js';
import { SERVICE_KIND, type ServiceRecord } from '../ecs-services/service-record.js';
import { countsByDeployment, serviceTasks } from '../ecs-services/service-view.js';
import { validateFargateLaunch } from '../fargate/fargate-launch-rules.js';
import { resolveLaunchTarget } from '../fargate/launch-target.js';
import { epochSeconds, type ServiceDeps } from '../service-deps.js';
import { validateTags } from '../tags.js';
import type { TaskDefinitionRegistry } from '../task-definition-registry.js';
import type { TaskGroupIndex } from '../task-index.js';
import { validateNetworkConfiguration } from '../tasks/run-task-request.js';

import { externalService, findTaskSet, taskSetArnOf, taskSetNotFound } from './task-set-lookup.js';
import { withoutPrimaryFields, withPrimaryFields } from './task-set-primary.js';
import { TASK_SET_KIND, taskSetsOf, type TaskSetRecord } from './task-set-record.js';
import {
  rejectUnsupportedTaskSet,
  validateClientToken,
  validateScale,
  withNetworkDefaults,
} from './task-set-request.js';
import { computedDesiredOf, taskSetView } from './task-set-view.js';

/** "5 deployments exist on the service. Unable to create new TaskSet since this exceeds the maximum limit." (aws-samples/ecs-bg-external-controller#6) */
export const MAX_TASK_SETS = 5;

const hashRequest = (request: CreateTaskSetRequest): string => {
  const { clientToken: _token, ...rest } = request;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
};

export class TaskSetsService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly taskDefinitions: TaskDefinitionRegistry,
    /** Committed tasks by group: lets DescribeTaskSets skip a cluster scan. */
    private readonly groups?: TaskGroupIndex,
  ) {}

  create(partition: Partition, request: CreateTaskSetRequest): TaskSet {
    rejectUnsupportedTaskSet(request);
    const scale = validateScale(request.scale);
    validateClientToken(request.clientToken);
    const tags = validateTags(request.tags);
    const networkConfiguration = withNetworkDefaults(request.networkConfiguration);
    return this.deps.store.transact((tx) => {
      const { cluster, record } = externalService(tx, partition, request.cluster, request.service, true);
      const serviceArn = record.service.serviceArn ?? '';
      const existing = taskSetsOf(tx, record.clusterArn, serviceArn);
      const replay = request.clientToken && existing.find((t) => t.clientToken === request.clientToken);
      if (replay) {
        // (impl) CreateTaskSet documents no ConflictException: a reused token with another request is invalid.
        if (replay.requestHash !== hashRequest(request))
          throw invalidParameter('The clientToken was already used with a different request.');
        return this.view(tx, record, replay, ['TAGS']);
      }
      if (existing.length >= MAX_TASK_SETS) {
        throw invalidParameter(
          `${existing.length} deployments exist on the service. Unable to create new TaskSet since this exceeds the maximum limit.`,
        );
      }
      const definition = this.taskDefinitions.resolve(tx, partition, request.taskDefinition).definition;
      if (definition.status !== 'ACTIVE') throw clientException('TaskDefinition is inactive');
      const target = resolveLaunchTarget(request, cluster.cluster);
      validateNetworkConfiguration(definition, networkConfiguration);
      if (target.launchType === 'FARGATE') validateFargateLaunch(definition, record.service);
      const id = deploymentIdFrom(this.deps.ids.hexId());
      const now = epochSeconds(this.deps.now());
      const taskSet: TaskSetRecord = {
        clusterArn: record.clusterArn,
        serviceArn,
        id,
        taskSetArn: taskSetArn(
          partition,
          clusterNameOf(record.clusterArn),
          record.service.serviceName ?? '',
          id,
        ),
        status: 'ACTIVE',
        ...(request.externalId !== undefined ? { externalId: request.externalId } : {}),
        taskDefinitionArn: definition.taskDefinitionArn ?? '',
        launchType: target.launchType,
        ...(target.strategy ? { capacityProviderStrategy: target.strategy } : {}),
        ...(target.platformVersion ? { platformVersion: target.platformVersion } : {}),
        ...(networkConfiguration ? { networkConfiguration } : {}),
        scale,
        createdAt: now,
        updatedAt: now,
        stabilityStatus: 'STABILIZING',
        stabilityStatusAt: now,
        failedLaunches: 0,
        nextLaunchAt: 0,
        tags,
        ...(request.clientToken
          ? { clientToken: request.clientToken, requestHash: hashRequest(request) }
          : {}),
      };
      tx.put(TASK_SET_KIND, taskSet.taskSetArn, taskSet.clusterArn, taskSet);
      return this.view(tx, record, taskSet, ['TAGS']);
    });
  }

  describe(
    partition: Partition,
    request: DescribeTaskSetsRequest,
  ): { taskSets: TaskSet[]; failures: Failure[] } {
    const refs = request.taskSets ?? [];
    // Seen from ECS when taskSets is left out (aws/aws-cli#5380).
    if (refs.length === 0) throw invalidParameter('TaskSets cannot be empty.');
    const store = this.deps.store;
    const { record } = externalService(store, partition, request.cluster, request.service, false);
    const counts = countsByDeployment(serviceTasks(store, record, this.groups));
    const include = request.include ?? [];
    const taskSets: TaskSet[] = [];
    const failures: Failure[] = [];
    for (const ref of refs) {
      const arn = taskSetArnOf(partition, record, ref);
      const found = findTaskSet(store, partition, record, ref);
      if (found)
        taskSets.push(taskSetView(found, record.service.desiredCount ?? 0, counts.get(found.id), include));
      else failures.push({ arn, reason: 'MISSING' });
    }
    return { taskSets, failures };
  }

  update(partition: Partition, request: UpdateTaskSetRequest): TaskSet {
    const scale = validateScale(request.scale);
    return this.change(partition, request, (tx, _record, taskSet, now) => {
      const next: TaskSetRecord = {
        ...taskSet,
        scale,
        updatedAt: now,
        stabilityStatus: 'STABILIZING',
        stabilityStatusAt: now,
      };
      tx.put(TASK_SET_KIND, next.taskSetArn, next.clusterArn, next);
      return next;
    });
  }

  updatePrimary(partition: Partition, request: UpdateServicePrimaryTaskSetRequest): TaskSet {
    return this.change(
      partition,
      { ...request, taskSet: request.primaryTaskSet },
      (tx, record, primary, now) => {
        let chosen = primary;
        for (const taskSet of taskSetsOf(tx, record.clusterArn, record.service.serviceArn ?? '')) {
          const status =
            taskSet.id === primary.id ? 'PRIMARY' : taskSet.status === 'PRIMARY' ? 'ACTIVE' : undefined;
          if (status === undefined || status === taskSet.status) continue;
          const next: TaskSetRecord = { ...taskSet, status, updatedAt: now };
          tx.put(TASK_SET_KIND, next.taskSetArn, next.clusterArn, next);
          if (next.id === primary.id) chosen = next;
        }
        this.putService(tx, { ...record, service: withPrimaryFields(record.service, chosen) });
        return chosen;
      },
    );
  }

  delete(partition: Partition, request: DeleteTaskSetRequest): TaskSet {
    return this.change(
      partition,
      request,
      (tx, record, taskSet, now) => {
        if (request.force !== true && computedDesiredOf(taskSet, record.service.desiredCount ?? 0) > 0) {
          // (impl) "If true, you can delete a task set even if it hasn't been scaled down to zero." [M DeleteTaskSet.force]
          throw invalidParameter(
            'The task set cannot be deleted while it is scaled above 0. Use force to delete it.',
          );
        }
        const next: TaskSetRecord = {
          ...taskSet,
          status: 'DRAINING',
          updatedAt: now,
          stabilityStatus: 'STABILIZING',
          stabilityStatusAt: now,
        };
        tx.put(TASK_SET_KIND, next.taskSetArn, next.clusterArn, next);
        // (impl) A deleted PRIMARY leaves the service without one: its task set fields go null.
        if (taskSet.status === 'PRIMARY')
          this.putService(tx, { ...record, service: withoutPrimaryFields(record.service) });
        return next;
      },
      true,
    );
  }

  /** One change to one task set of an ACTIVE EXTERNAL service, in one transaction. */
  private change(
    partition: Partition,
    request: { cluster: string; service: string; taskSet: string },
    apply: (
      tx: StoreTransaction,
      record: ServiceRecord,
      taskSet: TaskSetRecord,
      now: number,
    ) => TaskSetRecord,
    drainingIsDone = false,
  ): TaskSet {
    return this.deps.store.transact((tx) => {
      const { record } = externalService(tx, partition, request.cluster, request.service, true);
      const taskSet = findTaskSet(tx, partition, record, request.taskSet);
      if (!taskSet) throw taskSetNotFound();
      if (taskSet.status === 'DRAINING') {
        if (drainingIsDone) return this.view(tx, record, taskSet, []);
        // (impl) ECS does not say what a change to a task set being deleted answers.
        throw invalidParameter('The task set is DRAINING: it is being deleted and cannot be changed.');
      }
      const next = apply(tx, record, taskSet, epochSeconds(this.deps.now()));
      return this.view(
        tx,
        tx.get<ServiceRecord>(SERVICE_KIND, record.service.serviceArn ?? '') ?? record,
        next,
        [],
      );
    });
  }

  private putService(tx: StoreTransaction, record: ServiceRecord): void {
    tx.put(SERVICE_KIND, record.service.serviceArn ?? '', record.clusterArn, record);
  }

  private view(
    reader: StoreReader,
    record: ServiceRecord,
    taskSet: TaskSetRecord,
    include: readonly string[],
  ): TaskSet {
    const counts = countsByDeployment(serviceTasks(reader, record)).get(taskSet.id);
    return taskSetView(taskSet, record.service.desiredCount ?? 0, counts, include);
  }
}
