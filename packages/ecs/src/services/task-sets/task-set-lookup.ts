/**
 * Finding the EXTERNAL service a task-set call names, and the task set it names in it. ECS's
 * errors: ClusterNotFoundException, ServiceNotFoundException, ServiceNotActiveException for a
 * change to a service being deleted, InvalidParameterException for a service whose deployment
 * controller is not EXTERNAL or an identifier that is no task set's.
 */
import { ApiError, invalidParameter, parseArn, serviceArn, taskSetArn, type Partition } from '@berth/core';
import type { StoreReader } from '@berth/store';

import { activeCluster, clusterNameOf } from '../cluster-ref.js';
import type { ClusterRecord } from '../records.js';
import { SERVICE_KIND, type ServiceRecord } from '../ecs-services/service-record.js';

import { TASK_SET_KIND, type TaskSetRecord } from './task-set-record.js';

/** Seen from ECS when a task-set call names a service of the ECS controller (terraform-provider-aws#30347). */
export const NOT_EXTERNAL =
  'Amazon ECS only supports task set management on services configured to use external deployment controllers.';

export const serviceNotFound = (): ApiError => new ApiError('ServiceNotFoundException', 'Service not found.');
export const serviceNotActive = (): ApiError =>
  new ApiError('ServiceNotActiveException', 'Service was not ACTIVE.');
/** (impl) moto's wording; ECS documents the exception, not its message. */
export const taskSetNotFound = (): ApiError =>
  new ApiError('TaskSetNotFoundException', 'The specified task set does not exist.');

export interface ExternalService {
  readonly cluster: ClusterRecord;
  readonly record: ServiceRecord;
}

export const isExternal = (record: ServiceRecord): boolean =>
  record.service.deploymentController?.type === 'EXTERNAL';

/** The EXTERNAL service named; `change` calls need it ACTIVE. */
export const externalService = (
  reader: StoreReader,
  partition: Partition,
  clusterRef: string | undefined,
  serviceRef: string,
  change: boolean,
): ExternalService => {
  const cluster = activeCluster(reader, partition, clusterRef);
  const clusterArn = cluster.cluster.clusterArn ?? '';
  const arn = serviceRef.startsWith('arn:')
    ? serviceRef
    : serviceArn(partition, clusterNameOf(clusterArn), serviceRef);
  const record = reader.get<ServiceRecord>(SERVICE_KIND, arn);
  if (!record || record.clusterArn !== clusterArn || record.service.status === 'INACTIVE') {
    throw serviceNotFound();
  }
  if (!isExternal(record)) throw invalidParameter(NOT_EXTERNAL);
  if (change && record.service.status !== 'ACTIVE') throw serviceNotActive();
  return { cluster, record };
};

const TASK_SET_ID = /^ecs-svc\/\d{1,19}$/;

/**
 * The ARN a task-set reference (its ARN, or its id `ecs-svc/<digits>`) names in the service.
 * Anything else is "Task Set Identifier is invalid." (seen from ECS, boto/boto3#3895).
 */
export const taskSetArnOf = (partition: Partition, service: ServiceRecord, ref: string): string => {
  const invalid = (): ApiError => invalidParameter('Task Set Identifier is invalid.');
  if (ref.startsWith('arn:')) {
    const parsed = parseArn(ref);
    const id = parsed?.path.slice(2).join('/') ?? '';
    if (!parsed || parsed.service !== 'ecs' || parsed.type !== 'task-set' || !TASK_SET_ID.test(id)) {
      throw invalid();
    }
    return ref;
  }
  if (!TASK_SET_ID.test(ref)) throw invalid();
  return taskSetArn(partition, clusterNameOf(service.clusterArn), service.service.serviceName ?? '', ref);
};

/** The task set a reference names in this service, if it has it. */
export const findTaskSet = (
  reader: StoreReader,
  partition: Partition,
  service: ServiceRecord,
  ref: string,
): TaskSetRecord | undefined => {
  const record = reader.get<TaskSetRecord>(TASK_SET_KIND, taskSetArnOf(partition, service, ref));
  return record?.serviceArn === service.service.serviceArn ? record : undefined;
};
