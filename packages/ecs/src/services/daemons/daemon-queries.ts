/**
 * DescribeDaemon, ListDaemons, DescribeDaemonDeployments, ListDaemonDeployments and
 * DescribeDaemonRevisions [M]: reads only.
 */
import { invalidParameter, type Partition } from '@berth/core';
import type {
  DaemonDeployment,
  DaemonDeploymentSummary,
  DaemonDetail,
  DaemonRevision,
  DaemonSummary,
  Failure,
  ListDaemonDeploymentsRequest,
  ListDaemonsRequest,
} from '@berth/wire/ecs';
import type { StoreReader } from '@berth/store';

import { activeCluster } from '../cluster-ref.js';
import { paginate, type Page } from '../pagination.js';
import { KIND } from '../records.js';

import {
  daemonByArn,
  type DaemonDeploymentRecord,
  type DaemonRecord,
  type DaemonRevisionRecord,
} from './daemon-records.js';
import {
  daemonDetail,
  deploymentSummary,
  deploymentView,
  revisionView,
  usesProviders,
} from './daemon-views.js';

/** DescribeDaemonDeployments and DescribeDaemonRevisions: "You can specify up to 20 ARNs." [M] */
const MAX_DESCRIBED = 20;
/** ListDaemonDeployments returns up to 20 results unless maxResults says otherwise [M]. */
const DEFAULT_DEPLOYMENT_PAGE = 20;
const DEPLOYMENT_STATUSES = [
  'PENDING',
  'SUCCESSFUL',
  'STOPPED',
  'STOP_REQUESTED',
  'IN_PROGRESS',
  'ROLLBACK_IN_PROGRESS',
  'ROLLBACK_SUCCESSFUL',
  'ROLLBACK_FAILED',
];

const inPartition = (arn: string, p: Partition): boolean => arn.includes(`:${p.region}:${p.accountId}:`);

const describeMany = <R, V>(
  reader: StoreReader,
  partition: Partition,
  arns: unknown,
  name: string,
  kind: string,
  view: (record: R) => V,
): { found: V[]; failures: Failure[] } => {
  if (!Array.isArray(arns) || arns.length === 0) throw invalidParameter(`${name} can not be empty.`);
  if (arns.length > MAX_DESCRIBED) throw invalidParameter(`${name} can have at most ${MAX_DESCRIBED} items.`);
  const found: V[] = [];
  const failures: Failure[] = [];
  for (const arn of arns as unknown[]) {
    const record =
      typeof arn === 'string' && inPartition(arn, partition) ? reader.get<R>(kind, arn) : undefined;
    if (record) found.push(view(record));
    else failures.push({ arn: String(arn), reason: 'MISSING' });
  }
  return { found, failures };
};

export const describeDaemon = (
  reader: StoreReader,
  partition: Partition,
  arn: unknown,
): { daemon: DaemonDetail } => {
  const daemon = daemonByArn(reader, partition, arn);
  activeCluster(reader, partition, daemon.clusterArn);
  return { daemon: daemonDetail(reader, daemon) };
};

export const listDaemons = (
  reader: StoreReader,
  partition: Partition,
  request: ListDaemonsRequest,
): Page<DaemonSummary> => {
  const clusterArn =
    request.clusterArn && activeCluster(reader, partition, request.clusterArn).cluster.clusterArn;
  const providers = request.capacityProviderArns ?? [];
  const summaries = reader
    .list<DaemonRecord>(KIND.daemon)
    .filter((d) => inPartition(d.daemonArn, partition))
    .filter((d) => !clusterArn || d.clusterArn === clusterArn)
    .filter((d) => providers.length === 0 || usesProviders(reader, d, providers))
    .sort((a, b) => a.createdAt - b.createdAt || a.daemonArn.localeCompare(b.daemonArn))
    .map((d): DaemonSummary => ({
      daemonArn: d.daemonArn,
      status: d.status,
      createdAt: d.createdAt,
      ...(d.updatedAt !== undefined ? { updatedAt: d.updatedAt } : {}),
    }));
  return paginate(summaries, request.maxResults, request.nextToken);
};

export const describeDaemonDeployments = (
  reader: StoreReader,
  partition: Partition,
  arns: unknown,
): { daemonDeployments: DaemonDeployment[]; failures: Failure[] } => {
  const { found, failures } = describeMany<DaemonDeploymentRecord, DaemonDeployment>(
    reader,
    partition,
    arns,
    'daemonDeploymentArns',
    KIND.daemonDeployment,
    (d) => deploymentView(reader, d),
  );
  return { daemonDeployments: found, failures };
};

export const describeDaemonRevisions = (
  reader: StoreReader,
  partition: Partition,
  arns: unknown,
): { daemonRevisions: DaemonRevision[]; failures: Failure[] } => {
  const { found, failures } = describeMany<DaemonRevisionRecord, DaemonRevision>(
    reader,
    partition,
    arns,
    'daemonRevisionArns',
    KIND.daemonRevision,
    (r) => revisionView(reader, r),
  );
  return { daemonRevisions: found, failures };
};

/** Newest first. (impl) The order: ListServiceDeployments lists newest first as well. */
export const listDaemonDeployments = (
  reader: StoreReader,
  partition: Partition,
  request: ListDaemonDeploymentsRequest,
): Page<DaemonDeploymentSummary> => {
  const daemon = daemonByArn(reader, partition, request.daemonArn);
  const statuses: unknown = request.status ?? [];
  if (!Array.isArray(statuses) || statuses.some((s) => !DEPLOYMENT_STATUSES.includes(String(s)))) {
    throw invalidParameter(`Invalid status: ${JSON.stringify(statuses)}.`);
  }
  const { before, after } = request.createdAt ?? {};
  for (const bound of [before, after]) {
    if (bound !== undefined && (typeof bound !== 'number' || !Number.isFinite(bound))) {
      throw invalidParameter('createdAt must hold timestamps.');
    }
  }
  const deployments = reader
    .list<DaemonDeploymentRecord>(KIND.daemonDeployment, daemon.daemonArn)
    .filter((d) => statuses.length === 0 || (statuses as string[]).includes(d.rollout.status))
    .filter((d) => before === undefined || d.createdAt < before)
    .filter((d) => after === undefined || d.createdAt > after)
    .sort((a, b) => b.createdAt - a.createdAt || b.daemonDeploymentArn.localeCompare(a.daemonDeploymentArn))
    .map(deploymentSummary);
  return paginate(deployments, request.maxResults ?? DEFAULT_DEPLOYMENT_PAGE, request.nextToken);
};
