/**
 * The task-set controller: keeps every task set of each EXTERNAL service at its computedDesiredCount
 * with real tasks, level-triggered like the service controller. A change to an EXTERNAL service, to
 * one of its task sets or tasks, or to a container instance of its cluster enqueues the service; a
 * periodic resync enqueues them all (time moves the launch throttle, the healthy rule, lost agents).
 * Each reconcile re-reads the store, asks the pure scheduler (`reconcileTaskSets`) for a plan and
 * writes it — stops, launches placed through the service launcher and the plan applier, task-set
 * stability, removal of drained task sets, events, DRAINING → INACTIVE — in one transaction.
 */
import { partitionOfArn } from '@berth/core';
import { reconcileTaskSets } from '@berth/scheduler';
import type { StoreChange, StoreTransaction } from '@berth/store';

import { postEvents } from '../../services/ecs-services/service-events.js';
import {
  SERVICE_KIND,
  serviceArnOfGroup,
  type ServiceRecord,
} from '../../services/ecs-services/service-record.js';
import { withTasks, type InstanceUsage } from '../../services/instance-usage.js';
import { KIND, type TaskRecord } from '../../services/records.js';
import { epochSeconds } from '../../services/service-deps.js';
import { isExternal } from '../../services/task-sets/task-set-lookup.js';
import { TASK_SET_KIND, taskSetsOf, type TaskSetRecord } from '../../services/task-sets/task-set-record.js';
import type { ServiceControllerOptions } from '../service/service-controller.js';
import { launchServiceTasks } from '../service/service-launcher.js';
import { stopServiceTasks } from '../service/stop-service-tasks.js';
import { LoopController } from '../controller-loop.js';

import { buildTaskSetSnapshot } from './task-set-snapshot.js';

/** The task-set controller runs with what the service controller runs with. */
export type TaskSetControllerOptions = ServiceControllerOptions;

/** `…:task-set/<cluster>/<service>/ecs-svc/<digits>` → `…:service/<cluster>/<service>`. */
const serviceArnOfTaskSet = (taskSetArn: string): string => {
  const [prefix = '', path = ''] = taskSetArn.split(':task-set/');
  const [cluster = '', service = ''] = path.split('/');
  return `${prefix}:service/${cluster}/${service}`;
};

export class TaskSetController extends LoopController<TaskSetControllerOptions> {
  /** Every EXTERNAL service not yet INACTIVE. */
  protected *allKeys(): Iterable<string> {
    for (const record of this.options.store.list<ServiceRecord>(SERVICE_KIND)) {
      if (record.service.status !== 'INACTIVE' && isExternal(record)) yield record.service.serviceArn ?? '';
    }
  }

  /** An EXTERNAL service, one of its task sets or tasks, or an instance of its cluster changed. */
  protected *keysOf(changes: readonly StoreChange[]): Iterable<string> {
    for (const change of changes) {
      if (change.kind === SERVICE_KIND) {
        const record = change.value as ServiceRecord | undefined;
        if (record && isExternal(record)) yield change.key;
      } else if (change.kind === TASK_SET_KIND) {
        yield serviceArnOfTaskSet(change.key);
      } else if (change.kind === KIND.task) {
        const arn = serviceArnOfGroup(change.scope, (change.value as TaskRecord | undefined)?.task.group);
        if (arn !== undefined) yield arn;
      } else if (change.kind === KIND.containerInstance) {
        for (const record of this.options.store.list<ServiceRecord>(SERVICE_KIND, change.scope)) {
          if (isExternal(record)) yield record.service.serviceArn ?? '';
        }
      }
    }
  }

  /** One reconcile of one EXTERNAL service's task sets, in one transaction. */
  reconcile(serviceArn: string): void {
    this.options.store.transact((tx) => {
      const record = tx.get<ServiceRecord>(SERVICE_KIND, serviceArn);
      if (!record || record.service.status === 'INACTIVE' || !isExternal(record)) return;
      const now = epochSeconds(this.options.now());
      const taskSets = taskSetsOf(tx, record.clusterArn, serviceArn);
      const usage = this.options.usage.usage(record.clusterArn);
      const { snapshot, tasks } = buildTaskSetSnapshot(tx, record, taskSets, {
        now,
        presence: this.options.presence,
        usage,
        groups: this.options.groups,
      });
      const plan = reconcileTaskSets(snapshot);
      stopServiceTasks(tx, tasks, plan.stops, now);
      const launchEvents = this.launch(tx, record, taskSets, tasks, plan, usage, now);
      this.writeTaskSets(tx, taskSets, plan);
      const next: ServiceRecord = {
        ...record,
        service: { ...record.service, ...(plan.drained ? { status: 'INACTIVE' } : {}) },
        events: postEvents(record.events, [...plan.events, ...launchEvents], now, () =>
          this.options.ids.uuid(),
        ),
      };
      if (JSON.stringify(next) !== JSON.stringify(record))
        tx.put(SERVICE_KIND, serviceArn, record.clusterArn, next);
    });
  }

  /** Each task set's launches, placed in turn; usage carries this transaction's placements forward. */
  private launch(
    tx: StoreTransaction,
    record: ServiceRecord,
    taskSets: readonly TaskSetRecord[],
    tasks: readonly TaskRecord[],
    plan: ReturnType<typeof reconcileTaskSets>,
    committed: ReadonlyMap<string, InstanceUsage>,
    now: number,
  ): string[] {
    const stopped = new Set(plan.stops.map((s) => s.taskArn));
    const events: string[] = [];
    let usage = committed;
    for (const launch of plan.launches) {
      const taskSet = taskSets.find((t) => t.id === launch.deploymentId);
      if (!taskSet) continue;
      const outcome = launchServiceTasks(
        {
          tx,
          partition: partitionOfArn(record.service.serviceArn ?? ''),
          presence: this.options.presence,
          usage,
          ids: this.options.ids,
          now,
          running: tasks.filter(
            (t) =>
              t.task.startedBy === taskSet.id &&
              t.task.desiredStatus === 'RUNNING' &&
              !stopped.has(t.task.taskArn ?? ''),
          ),
          eventSubject: `service ${record.service.serviceName ?? ''}, taskSet ${taskSet.id}`,
        },
        { clusterArn: record.clusterArn, service: record.service, tags: record.tags, deployments: [taskSet] },
        [launch],
      );
      usage = withTasks(usage, outcome.started);
      events.push(...outcome.events);
    }
    return events;
  }

  /** Stability, throttle and DRAINING status as the plan has them; drained task sets are deleted. */
  private writeTaskSets(
    tx: StoreTransaction,
    taskSets: readonly TaskSetRecord[],
    plan: ReturnType<typeof reconcileTaskSets>,
  ): void {
    const states = new Map(plan.taskSets.map((s) => [s.id, s]));
    for (const taskSet of taskSets) {
      if (plan.removed.includes(taskSet.id)) {
        tx.delete(TASK_SET_KIND, taskSet.taskSetArn);
        continue;
      }
      const state = states.get(taskSet.id);
      if (!state) continue;
      const next: TaskSetRecord = {
        ...taskSet,
        status: state.status,
        stabilityStatus: state.stabilityStatus,
        stabilityStatusAt: state.stabilityStatusAt,
        failedLaunches: state.failedLaunches,
        nextLaunchAt: state.nextLaunchAt,
      };
      if (JSON.stringify(next) !== JSON.stringify(taskSet))
        tx.put(TASK_SET_KIND, taskSet.taskSetArn, taskSet.clusterArn, next);
    }
  }
}
