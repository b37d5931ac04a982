/** ListServiceDeployments, DescribeServiceDeployments and DescribeServiceRevisions over the history. */
import { ecsArn, invalidParameter, parseArn, type Partition } from '@berth/core';
import type {
  Failure,
  ListServiceDeploymentsRequest,
  ServiceDeployment,
  ServiceDeploymentBrief,
  ServiceRevision,
} from '@berth/wire/ecs';
import type { StoreReader } from '@berth/store';
import { lifecycleStageOf } from '@berth/scheduler';

import { activeCluster, clusterNameOf } from '../cluster-ref.js';
import { paginate, type Page } from '../pagination.js';

import type { ServiceDeploymentEntry, ServiceRevisionEntry } from './service-history.js';
import { SERVICE_KIND, type ServiceRecord } from './service-record.js';

export const deploymentArn = (p: Partition, record: ServiceRecord, id: string): string =>
  ecsArn(
    p,
    `service-deployment/${clusterNameOf(record.clusterArn)}/${record.service.serviceName ?? ''}/${id}`,
  );
export const revisionArn = (p: Partition, record: ServiceRecord, id: string): string =>
  ecsArn(p, `service-revision/${clusterNameOf(record.clusterArn)}/${record.service.serviceName ?? ''}/${id}`);

/** The service and entry id an ARN of the given type names, when it parses. */
const locate = (
  reader: StoreReader,
  p: Partition,
  arn: string,
  type: string,
): { record: ServiceRecord; id: string } | undefined => {
  const parsed = parseArn(arn);
  if (!parsed || parsed.type !== type || parsed.path.length !== 3) return undefined;
  const [cluster = '', service = '', id = ''] = parsed.path;
  const record = reader.get<ServiceRecord>(SERVICE_KIND, ecsArn(p, `service/${cluster}/${service}`));
  return record ? { record, id } : undefined;
};

/** The service and history entry a service deployment ARN names, if both exist. */
export const findServiceDeployment = (
  reader: StoreReader,
  p: Partition,
  arn: string,
): { record: ServiceRecord; entry: ServiceDeploymentEntry } | undefined => {
  const found = locate(reader, p, arn, 'service-deployment');
  const entry = found?.record.history?.deployments.find((e) => e.id === found.id);
  return found && entry ? { record: found.record, entry } : undefined;
};

const brief = (
  p: Partition,
  record: ServiceRecord,
  entry: ServiceDeploymentEntry,
): ServiceDeploymentBrief => ({
  serviceDeploymentArn: deploymentArn(p, record, entry.id),
  serviceArn: record.service.serviceArn ?? '',
  clusterArn: record.clusterArn,
  startedAt: entry.createdAt,
  createdAt: entry.createdAt,
  ...(entry.finishedAt !== undefined ? { finishedAt: entry.finishedAt } : {}),
  targetServiceRevisionArn: revisionArn(p, record, entry.targetRevisionId),
  status: entry.status,
  ...(entry.statusReason ? { statusReason: entry.statusReason } : {}),
});

const revisionView = (p: Partition, record: ServiceRecord, r: ServiceRevisionEntry): ServiceRevision => ({
  serviceRevisionArn: revisionArn(p, record, r.id),
  serviceArn: record.service.serviceArn ?? '',
  clusterArn: record.clusterArn,
  taskDefinition: r.taskDefinitionArn,
  launchType: r.launchType as ServiceRevision['launchType'] & string,
  loadBalancers: [],
  serviceRegistries: [],
  ...(r.networkConfiguration ? { networkConfiguration: r.networkConfiguration } : {}),
  createdAt: r.createdAt,
});

/** A traffic-shifting deployment's lifecycle stage and the hooks of that stage [M ServiceDeployment]. */
const lifecycleOf = (
  record: ServiceRecord,
  entry: ServiceDeploymentEntry,
): Pick<ServiceDeployment, 'lifecycleStage' | 'lifecycleHookDetails'> => {
  const shift = record.deployments.find((d) => d.id === entry.deploymentIds[0])?.shift;
  if (!shift) return {};
  const configured = record.service.deploymentConfiguration?.lifecycleHooks ?? [];
  return {
    lifecycleStage: lifecycleStageOf(shift.phase),
    lifecycleHookDetails: shift.hooks.map((run) => {
      const hook = configured[run.hookIndex];
      const pause = hook?.targetType === 'PAUSE';
      return {
        hookId: run.hookId,
        targetType: pause ? 'PAUSE' : 'AWS_LAMBDA',
        ...(!pause && hook?.hookTargetArn ? { targetArn: hook.hookTargetArn } : {}),
        status: run.status,
        expiresAt: run.expiresAt,
        timeoutAction: run.timeoutAction,
      };
    }),
  };
};

export const listServiceDeployments = (
  reader: StoreReader,
  p: Partition,
  request: ListServiceDeploymentsRequest,
): Page<ServiceDeploymentBrief> => {
  const clusterArn = activeCluster(reader, p, request.cluster).cluster.clusterArn ?? '';
  const service = request.service.startsWith('arn:')
    ? request.service
    : ecsArn(p, `service/${clusterNameOf(clusterArn)}/${request.service}`);
  const record = reader.get<ServiceRecord>(SERVICE_KIND, service);
  if (!record || record.clusterArn !== clusterArn)
    throw invalidParameter('The specified service does not exist.');
  const after = request.createdAt?.after ?? Number.NEGATIVE_INFINITY;
  const before = request.createdAt?.before ?? Number.POSITIVE_INFINITY;
  const entries = (record.history?.deployments ?? [])
    .filter((e) => !request.status || request.status.length === 0 || request.status.includes(e.status))
    .filter((e) => e.createdAt >= after && e.createdAt <= before)
    .map((e) => brief(p, record, e));
  return paginate(entries, request.maxResults, request.nextToken, 100);
};

/**
 * The deployment's alarms [M ServiceDeploymentAlarms]: DISABLED without enabled alarms, TRIGGERED
 * once one failed it, MONITORING_COMPLETE once it finished otherwise, else MONITORING.
 */
const deploymentAlarmsView = (entry: ServiceDeploymentEntry): Pick<ServiceDeployment, 'alarms'> => {
  const config = entry.deploymentConfiguration?.alarms;
  if (!config) return {};
  const triggered = [...(entry.triggeredAlarmNames ?? [])];
  const status = !config.enable
    ? 'DISABLED'
    : triggered.length > 0
      ? 'TRIGGERED'
      : entry.finishedAt !== undefined || entry.stoppedAt !== undefined
        ? 'MONITORING_COMPLETE'
        : 'MONITORING';
  return { alarms: { status, alarmNames: [...config.alarmNames], triggeredAlarmNames: triggered } };
};

export const describeServiceDeployments = (
  reader: StoreReader,
  p: Partition,
  arns: readonly string[],
): { serviceDeployments: ServiceDeployment[]; failures: Failure[] } => {
  if (arns.length === 0 || arns.length > 20)
    throw invalidParameter('serviceDeploymentArns must contain between 1 and 20 items.');
  const serviceDeployments: ServiceDeployment[] = [];
  const failures: Failure[] = [];
  for (const arn of arns) {
    const found = locate(reader, p, arn, 'service-deployment');
    const entry = found?.record.history?.deployments.find((e) => e.id === found.id);
    if (!found || !entry) {
      failures.push({ arn, reason: 'MISSING' });
      continue;
    }
    const { record } = found;
    serviceDeployments.push({
      ...brief(p, record, entry),
      updatedAt: entry.updatedAt,
      ...(entry.stoppedAt !== undefined ? { stoppedAt: entry.stoppedAt } : {}),
      sourceServiceRevisions: entry.sourceRevisionIds.map((id) => ({ arn: revisionArn(p, record, id) })),
      targetServiceRevision: {
        arn: revisionArn(p, record, entry.targetRevisionId),
        requestedTaskCount: record.service.desiredCount ?? 0,
      },
      ...(entry.deploymentConfiguration ? { deploymentConfiguration: entry.deploymentConfiguration } : {}),
      ...lifecycleOf(record, entry),
      ...deploymentAlarmsView(entry),
      ...(entry.rollback
        ? {
            rollback: {
              reason: entry.rollback.reason,
              startedAt: entry.rollback.startedAt,
              serviceRevisionArn: revisionArn(p, record, entry.rollback.revisionId),
            },
          }
        : {}),
    });
  }
  return { serviceDeployments, failures };
};

export const describeServiceRevisions = (
  reader: StoreReader,
  p: Partition,
  arns: readonly string[],
): { serviceRevisions: ServiceRevision[]; failures: Failure[] } => {
  if (arns.length === 0 || arns.length > 20)
    throw invalidParameter('serviceRevisionArns must contain between 1 and 20 items.');
  const serviceRevisions: ServiceRevision[] = [];
  const failures: Failure[] = [];
  for (const arn of arns) {
    const found = locate(reader, p, arn, 'service-revision');
    const revision = found?.record.history?.revisions.find((r) => r.id === found.id);
    if (found && revision) serviceRevisions.push(revisionView(p, found.record, revision));
    else failures.push({ arn, reason: 'MISSING' });
  }
  return { serviceRevisions, failures };
};
