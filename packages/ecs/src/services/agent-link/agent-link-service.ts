/**
 * The control plane's side of the agent protocol: long-polled desired state per instance and
 * observed-state reports folded into task records.
 */
import { invalidParameter, parseCpuUnits, parseMemoryMiB, resourceIdOf, type Partition } from '@berth/core';
import type {
  DesiredTask,
  PollDesiredTasksRequest,
  PollDesiredTasksResponse,
  ReportTaskStateRequest,
} from '@berth/wire/agent';

import type { StoreTransaction } from '@berth/store';

import type { AgentPresence } from '../agent-presence.js';
import {
  KIND,
  placedOn,
  type ContainerInstanceRecord,
  type ManagedHostRecord,
  type TaskRecord,
} from '../records.js';
import { epochSeconds, type ServiceDeps } from '../service-deps.js';
import { postEvents } from '../ecs-services/service-events.js';
import { SERVICE_KIND, serviceArnOfGroup, type ServiceRecord } from '../ecs-services/service-record.js';
import { mergeTaskReport, newNotices } from '../tasks/merge-task-report.js';

import type { TaskIndex } from '../task-index.js';

import { agentDesiredStatus } from '../load-balancing/load-balancing.js';
import type { DesiredStateNotifier } from './desired-state-notifier.js';

const MAX_WAIT_SECONDS = 20;

export const toDesiredTask = (record: TaskRecord): DesiredTask => {
  const cpu = record.task.cpu !== undefined ? parseCpuUnits(record.task.cpu) : undefined;
  const memory = record.task.memory !== undefined ? parseMemoryMiB(record.task.memory) : undefined;
  const executionRoleArn = record.task.overrides?.executionRoleArn ?? record.taskDefinition.executionRoleArn;
  const taskRoleArn = record.task.overrides?.taskRoleArn ?? record.taskDefinition.taskRoleArn;
  const containerArns = Object.fromEntries(
    (record.task.containers ?? []).flatMap((c) =>
      c.name && c.containerArn ? [[c.name, c.containerArn]] : [],
    ),
  );
  const group = record.task.group ?? '';
  return {
    taskArn: record.task.taskArn ?? '',
    clusterArn: record.clusterArn,
    family: record.family,
    revision: record.revision,
    taskDefinitionArn: record.task.taskDefinitionArn ?? '',
    desiredStatus: agentDesiredStatus(record),
    launchType: record.task.launchType ?? 'EC2',
    networkMode: record.networkMode,
    ...(cpu !== undefined ? { cpu } : {}),
    ...(memory !== undefined ? { memory } : {}),
    ...(record.stopGraceSeconds !== undefined ? { stopGraceSeconds: record.stopGraceSeconds } : {}),
    ...(executionRoleArn ? { executionRoleArn } : {}),
    ...(taskRoleArn ? { taskRoleArn } : {}),
    containerArns,
    ...(group.startsWith('service:') ? { serviceName: group.slice('service:'.length) } : {}),
    containers: record.containerDefinitions,
    volumes: record.taskDefinition.volumes ?? [],
  };
};

export class AgentLinkService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly presence: AgentPresence,
    private readonly notifier: DesiredStateNotifier,
    /** Tasks by container instance or managed host: a poll reads only its own. */
    private readonly placements: TaskIndex,
  ) {}

  async poll(partition: Partition, request: PollDesiredTasksRequest): Promise<PollDesiredTasksResponse> {
    const arn = this.agentTarget(partition, request.containerInstanceArn).arn;
    const waitSeconds = Math.min(Math.max(request.waitSeconds ?? MAX_WAIT_SECONDS, 0), MAX_WAIT_SECONDS);
    this.presence.pollStarted(arn);
    try {
      await this.notifier.waitForChange(arn, request.knownSeq, waitSeconds * 1000);
    } finally {
      this.presence.pollEnded(arn);
    }
    const seq = this.notifier.seqOf(arn);
    const current = this.agentTarget(partition, arn);
    const tasks = this.placements
      .taskArns(arn)
      .map((taskArn) => this.deps.store.get<TaskRecord>(KIND.task, taskArn))
      .filter((t): t is TaskRecord => t !== undefined && placedOn(t) === arn)
      .map(toDesiredTask);
    return { seq, instanceStatus: current.status, tasks };
  }

  report(partition: Partition, request: ReportTaskStateRequest): Record<string, never> {
    const arn = this.agentTarget(partition, request.containerInstanceArn).arn;
    this.presence.seen(arn);
    const now = epochSeconds(this.deps.now());
    this.deps.store.transact((tx) => {
      for (const report of request.tasks) {
        const record = tx.get<TaskRecord>(KIND.task, report.task);
        if (!record || placedOn(record) !== arn) continue;
        const merged = mergeTaskReport(record, report, now);
        if (!merged) continue;
        tx.put(KIND.task, report.task, record.clusterArn, merged);
        this.postNotices(tx, record, newNotices(record, report), now);
      }
    });
    return {};
  }

  /** A service task's notices become events of its service: `(service S) (task id) <notice>`. */
  private postNotices(
    tx: StoreTransaction,
    record: TaskRecord,
    notices: readonly string[],
    now: number,
  ): void {
    const serviceArn = serviceArnOfGroup(record.clusterArn, record.task.group);
    if (notices.length === 0 || serviceArn === undefined) return;
    const service = tx.get<ServiceRecord>(SERVICE_KIND, serviceArn);
    if (!service) return;
    const name = service.service.serviceName ?? '';
    const id = resourceIdOf(record.task.taskArn ?? '');
    const messages = notices.map((n) => `(service ${name}) (task ${id}) ${n}`);
    tx.put(SERVICE_KIND, serviceArn, service.clusterArn, {
      ...service,
      events: postEvents(service.events, messages, now, () => this.deps.ids.uuid()),
    });
  }

  /**
   * The container instance or managed host an agent speaks for (a managed host serves every
   * cluster of its account, in any region).
   */
  private agentTarget(partition: Partition, arn: string): { arn: string; status: string } {
    const inPartition = arn.includes(`:${partition.region}:${partition.accountId}:`);
    const instance = this.deps.store.get<ContainerInstanceRecord>(KIND.containerInstance, arn);
    if (instance && inPartition) {
      return { arn, status: instance.instance.status ?? 'ACTIVE' };
    }
    const host = this.deps.store.get<ManagedHostRecord>(KIND.managedHost, arn);
    if (host?.accountId === partition.accountId) return { arn, status: host.status };
    throw invalidParameter('The referenced container instance was not found.');
  }
}
