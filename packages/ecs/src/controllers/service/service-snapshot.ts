/** Builds the pure scheduler's view of one service from the store. */
import { partitionOfArn } from '@berth/core';
import {
  serviceReasons,
  type AlarmStateValue,
  type ServiceSnapshot,
  type ServiceTask,
  type TaskTargetHealth,
} from '@berth/scheduler';
import type { StoreReader } from '@berth/store';

import type { AgentPresence } from '../../services/agent-presence.js';
import { trafficShiftSettingsOf } from '../../services/ecs-services/deployment-strategy-rules.js';
import { deploymentIdFrom } from '../../services/ecs-services/deployment-id.js';
import { rollbackTarget } from '../../services/ecs-services/rollback-target.js';
import type { ServiceRecord } from '../../services/ecs-services/service-record.js';
import { serviceTasks } from '../../services/ecs-services/service-view.js';
import { KIND, placedOn, type ContainerInstanceRecord, type TaskRecord } from '../../services/records.js';
import type { TaskGroupIndex } from '../../services/task-index.js';
import type { LoadBalancing } from '../../services/load-balancing/load-balancing.js';
import { taskTargetHealth } from '../../services/load-balancing/task-target-health.js';

const hasHealthCheck = (record: TaskRecord): boolean =>
  record.containerDefinitions.some((c) => c.essential !== false && c.healthCheck !== undefined);

export const toServiceTask = (
  record: TaskRecord,
  instances: ReadonlyMap<string, ContainerInstanceRecord>,
  presence: AgentPresence,
  /** Behind load balancers: the task's target health (undefined without load balancers). */
  targetHealth?: TaskTargetHealth,
): ServiceTask => {
  const task = record.task;
  const instanceArn = placedOn(record) ?? '';
  // A FARGATE task's managed host is not an instance of the cluster: it never drains.
  const instanceStatus = record.hostArn
    ? 'ACTIVE'
    : (instances.get(instanceArn)?.instance.status ?? 'INACTIVE');
  const silentMs = presence.silentForMs(instanceArn);
  return {
    taskArn: task.taskArn ?? '',
    deploymentId: task.startedBy ?? '',
    instanceArn,
    lastStatus: task.lastStatus ?? 'PENDING',
    desiredStatus: task.desiredStatus === 'STOPPED' ? 'STOPPED' : 'RUNNING',
    createdAt: task.createdAt ?? 0,
    ...(task.startedAt !== undefined ? { startedAt: task.startedAt } : {}),
    ...(task.stoppedAt !== undefined ? { stoppedAt: task.stoppedAt } : {}),
    ...(task.stopCode !== undefined ? { stopCode: task.stopCode } : {}),
    healthStatus: task.healthStatus ?? 'UNKNOWN',
    hasHealthCheck: hasHealthCheck(record),
    instanceStatus,
    agentConnected: silentMs === 0 || presence.isConnected(instanceArn),
    agentSilentForSeconds: Math.floor(silentMs / 1000),
    ...(record.protectedUntil !== undefined ? { protectedUntil: record.protectedUntil } : {}),
    ...(targetHealth !== undefined ? { targetHealth } : {}),
    ...(task.stoppedReason !== undefined && serviceReasons.isTargetHealthCheckFailure(task.stoppedReason)
      ? { stoppedForTargetHealth: true }
      : {}),
  };
};

/** The circuit breaker's rollback target: the deployment that last completed. */
const rollbackFields = (
  record: ServiceRecord,
): { rollbackTaskDefinitionArn?: string; rollbackDeploymentId?: string } => {
  const target = rollbackTarget(record);
  if (!target) return {};
  return {
    rollbackTaskDefinitionArn: target.taskDefinitionArn,
    ...(target.deploymentId ? { rollbackDeploymentId: target.deploymentId } : {}),
  };
};

export interface SnapshotOptions {
  readonly now: number;
  readonly presence: AgentPresence;
  readonly newHexId: () => string;
  readonly daemonInstances?: readonly string[];
  /** Finds the service's tasks without a cluster scan (the snapshot is read before any write). */
  readonly groups?: TaskGroupIndex;
  /** Reads target health for services behind load balancers. */
  readonly loadBalancing?: LoadBalancing;
  /** The current states of the service's deployment alarms, once read. */
  readonly alarmStates?: Readonly<Record<string, AlarmStateValue>>;
}

export const buildServiceSnapshot = (
  reader: StoreReader,
  record: ServiceRecord,
  options: SnapshotOptions,
): { snapshot: ServiceSnapshot; tasks: TaskRecord[] } => {
  const instances = new Map(
    reader
      .list<ContainerInstanceRecord>(KIND.containerInstance, record.clusterArn)
      .map((i) => [i.instance.containerInstanceArn ?? '', i]),
  );
  const tasks = serviceTasks(reader, record, options.groups);
  const config = record.service.deploymentConfiguration;
  const partition = partitionOfArn(record.service.serviceArn ?? '');
  const behindLoadBalancers = (record.service.loadBalancers ?? []).length > 0;
  const targetHealthOf = (task: TaskRecord): TaskTargetHealth | undefined =>
    behindLoadBalancers && options.loadBalancing && task.task.desiredStatus !== 'STOPPED'
      ? taskTargetHealth(task, partition, options.loadBalancing)
      : undefined;
  const trafficShift = trafficShiftSettingsOf(config);
  const snapshot: ServiceSnapshot = {
    now: options.now,
    service: {
      serviceName: record.service.serviceName ?? '',
      status: record.service.status === 'DRAINING' ? 'DRAINING' : 'ACTIVE',
      schedulingStrategy: record.service.schedulingStrategy === 'DAEMON' ? 'DAEMON' : 'REPLICA',
      desiredCount: record.service.desiredCount ?? 0,
      minimumHealthyPercent: config?.minimumHealthyPercent ?? 100,
      maximumPercent: config?.maximumPercent ?? 200,
      circuitBreaker: {
        enable: config?.deploymentCircuitBreaker?.enable ?? false,
        rollback: config?.deploymentCircuitBreaker?.rollback ?? false,
      },
      healthCheckGracePeriodSeconds: record.service.healthCheckGracePeriodSeconds ?? 0,
      ...(trafficShift ? { trafficShift } : {}),
      ...(config?.alarms?.enable
        ? { deploymentAlarms: { alarmNames: config.alarms.alarmNames, rollback: config.alarms.rollback } }
        : {}),
    },
    deployments: record.deployments,
    tasks: tasks.map((t) => toServiceTask(t, instances, options.presence, targetHealthOf(t))),
    ...(options.daemonInstances ? { daemonInstances: options.daemonInstances } : {}),
    nextDeploymentId: deploymentIdFrom(options.newHexId()),
    ...rollbackFields(record),
    ...(options.alarmStates ? { alarmStates: options.alarmStates } : {}),
  };
  return { snapshot, tasks };
};
