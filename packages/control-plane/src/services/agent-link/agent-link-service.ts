/**
 * The control plane's side of the agent protocol: long-polled desired state per instance and
 * observed-state reports folded into task records.
 */
import {
  invalidParameter,
  parseCpuUnits,
  parseMemoryMiB,
  type DesiredTask,
  type Partition,
  type PollDesiredTasksRequest,
  type PollDesiredTasksResponse,
  type ReportTaskStateRequest,
} from '@berth/core';

import type { AgentPresence } from '../agent-presence.js';
import { KIND, type ContainerInstanceRecord, type TaskRecord } from '../records.js';
import { epochSeconds, type ServiceDeps } from '../service-deps.js';
import { mergeTaskReport } from '../tasks/merge-task-report.js';

import type { DesiredStateNotifier } from './desired-state-notifier.js';

const MAX_WAIT_SECONDS = 20;

export const toDesiredTask = (record: TaskRecord): DesiredTask => {
  const cpu = record.task.cpu !== undefined ? parseCpuUnits(record.task.cpu) : undefined;
  const memory = record.task.memory !== undefined ? parseMemoryMiB(record.task.memory) : undefined;
  return {
    taskArn: record.task.taskArn ?? '',
    clusterArn: record.clusterArn,
    family: record.family,
    revision: record.revision,
    taskDefinitionArn: record.task.taskDefinitionArn ?? '',
    desiredStatus: record.task.desiredStatus === 'STOPPED' ? 'STOPPED' : 'RUNNING',
    launchType: record.task.launchType ?? 'EC2',
    networkMode: record.networkMode,
    ...(cpu !== undefined ? { cpu } : {}),
    ...(memory !== undefined ? { memory } : {}),
    ...(record.address ? { address: record.address } : {}),
    containers: record.containerDefinitions,
    volumes: record.taskDefinition.volumes ?? [],
  };
};

export class AgentLinkService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly presence: AgentPresence,
    private readonly notifier: DesiredStateNotifier,
  ) {}

  async poll(partition: Partition, request: PollDesiredTasksRequest): Promise<PollDesiredTasksResponse> {
    const instance = this.instance(partition, request.containerInstanceArn);
    const arn = instance.instance.containerInstanceArn ?? '';
    const waitSeconds = Math.min(Math.max(request.waitSeconds ?? MAX_WAIT_SECONDS, 0), MAX_WAIT_SECONDS);
    this.presence.pollStarted(arn);
    try {
      await this.notifier.waitForChange(arn, request.knownSeq, waitSeconds * 1000);
    } finally {
      this.presence.pollEnded(arn);
    }
    const seq = this.notifier.seqOf(arn);
    const current = this.instance(partition, arn);
    const tasks = this.deps.store
      .list<TaskRecord>(KIND.task, current.clusterArn)
      .filter((t) => t.task.containerInstanceArn === arn)
      .map(toDesiredTask);
    return { seq, instanceStatus: current.instance.status ?? 'ACTIVE', tasks };
  }

  report(partition: Partition, request: ReportTaskStateRequest): Record<string, never> {
    const instance = this.instance(partition, request.containerInstanceArn);
    const arn = instance.instance.containerInstanceArn ?? '';
    this.presence.seen(arn);
    const now = epochSeconds(this.deps.now());
    this.deps.store.transact((tx) => {
      for (const report of request.tasks) {
        const record = tx.get<TaskRecord>(KIND.task, report.task);
        if (!record || record.task.containerInstanceArn !== arn) continue;
        const merged = mergeTaskReport(record, report, now);
        if (merged) tx.put(KIND.task, report.task, record.clusterArn, merged);
      }
    });
    return {};
  }

  private instance(partition: Partition, arn: string): ContainerInstanceRecord {
    const record = this.deps.store.get<ContainerInstanceRecord>(KIND.containerInstance, arn);
    if (!record || !arn.includes(`:${partition.region}:${partition.accountId}:`)) {
      throw invalidParameter('The referenced container instance was not found.');
    }
    return record;
  }
}
