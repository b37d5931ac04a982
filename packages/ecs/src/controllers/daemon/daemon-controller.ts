/**
 * The daemon controller: level-triggered, like the service controller. A change to a daemon, its
 * deployments or tasks, or to an instance or task of its cluster enqueues the daemon; a periodic
 * resync enqueues them all (time moves bake times, and agents come and go). Each reconcile
 * re-reads the store, asks the pure daemon scheduler (`planDaemon`) for a plan and writes it —
 * stops, drains (through the container instances use case), launches (through the placement path
 * and the plan applier), the deployment's progress — in one transaction.
 *
 * It also finishes DeleteDaemonTaskDefinition: a DELETE_IN_PROGRESS revision no daemon uses any
 * more becomes DELETED.
 */
import { partitionOfArn } from '@berth/core';
import { planDaemon, type DaemonPlan, type DaemonStopKind } from '@berth/scheduler';
import type { StateStore, StoreChange, StoreTransaction } from '@berth/store';

import type { AgentPresence } from '../../services/agent-presence.js';
import type { ContainerInstancesService } from '../../services/container-instances/container-instances-service.js';
import type { DaemonTaskDefinitionRecord } from '../../services/daemon-task-definitions/daemon-task-definitions-service.js';
import type { DaemonDeploymentRecord, DaemonRecord } from '../../services/daemons/daemon-records.js';
import { KIND, type TaskRecord } from '../../services/records.js';
import { epochSeconds, type IdSource } from '../../services/service-deps.js';
import { stoppedTaskRecord } from '../../services/tasks/stop-task.js';
import { LoopController } from '../controller-loop.js';

import { launchDaemonTasks } from './daemon-launcher.js';
import { buildDaemonSnapshot } from './daemon-snapshot.js';
import { finishDefinitionDelete } from './finish-definition-delete.js';

export interface DaemonControllerOptions {
  readonly store: StateStore;
  readonly now: () => number;
  readonly ids: IdSource;
  readonly presence: AgentPresence;
  readonly containerInstances: ContainerInstancesService;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
  readonly resyncIntervalMs: number;
}

/** (impl) stoppedReason of the daemon scheduler's own stops; ECS publishes none. */
const STOP_REASONS: Readonly<Record<DaemonStopKind, string>> = {
  rollout: 'Daemon deployment replaced the daemon task with a new revision.',
  delete: 'Daemon deleted.',
  scope: "The container instance is no longer in the daemon's capacity providers.",
  draining: 'The container instance is draining: daemon tasks stop after all other tasks.',
  duplicate: 'The container instance runs another task of the daemon.',
  'instance-gone': 'The container instance was deregistered.',
};

export class DaemonController extends LoopController<DaemonControllerOptions> {
  /** Every daemon, and every daemon task definition waiting to be DELETED. */
  protected *allKeys(): Iterable<string> {
    const { store } = this.options;
    for (const daemon of store.list<DaemonRecord>(KIND.daemon)) yield daemon.daemonArn;
    for (const d of store.list<DaemonTaskDefinitionRecord>(KIND.daemonTaskDefinition)) {
      if (d.definition.status === 'DELETE_IN_PROGRESS') yield d.definition.daemonTaskDefinitionArn ?? '';
    }
  }

  /** A daemon, its deployments or tasks, or any task or instance of its cluster changed. */
  protected *keysOf(changes: readonly StoreChange[]): Iterable<string> {
    const clusters = new Set<string>();
    for (const change of changes) {
      if (change.kind === KIND.daemon) yield change.key;
      else if (change.kind === KIND.daemonDeployment) yield change.scope;
      else if (change.kind === KIND.daemonTaskDefinition) yield change.key;
      else if (change.kind === KIND.task) {
        const daemonArn = (change.value as TaskRecord | undefined)?.daemon?.daemonArn;
        if (daemonArn) yield daemonArn;
        else clusters.add(change.scope);
      } else if (change.kind === KIND.containerInstance) clusters.add(change.scope);
    }
    for (const cluster of clusters) {
      for (const daemon of this.options.store.list<DaemonRecord>(KIND.daemon, cluster))
        yield daemon.daemonArn;
    }
  }

  /** One reconcile of one daemon (or one deleted daemon task definition), in one transaction. */
  reconcile(key: string): void {
    this.options.store.transact((tx) => {
      if (key.includes(':daemon-task-definition/')) return finishDefinitionDelete(tx, key);
      const daemon = tx.get<DaemonRecord>(KIND.daemon, key);
      const deployment =
        daemon && tx.get<DaemonDeploymentRecord>(KIND.daemonDeployment, daemon.deploymentArn);
      if (!daemon || !deployment) return;
      const now = epochSeconds(this.options.now());
      const { snapshot, tasks } = buildDaemonSnapshot(tx, daemon, deployment, this.options.presence, now);
      const plan = planDaemon(snapshot);
      this.apply(tx, daemon, deployment, plan, tasks, now);
    });
  }

  private apply(
    tx: StoreTransaction,
    daemon: DaemonRecord,
    deployment: DaemonDeploymentRecord,
    plan: DaemonPlan,
    tasks: readonly TaskRecord[],
    now: number,
  ): void {
    const byArn = new Map(tasks.map((t) => [t.task.taskArn ?? '', t]));
    const write = (record: TaskRecord): void => {
      byArn.set(record.task.taskArn ?? '', record);
      tx.put(KIND.task, record.task.taskArn ?? '', record.clusterArn, record);
    };
    for (const arn of plan.handledStops) {
      const record = byArn.get(arn);
      if (record?.daemon) write({ ...record, daemon: { ...record.daemon, stopHandled: true } });
    }
    for (const drain of plan.drains) {
      const task = byArn.get(drain.taskArn)?.task;
      // (impl) ECS publishes no statusReason for this drain.
      const reason = `Daemon ${daemon.daemonName}: its daemon task (task ${drain.taskArn.slice(drain.taskArn.lastIndexOf('/') + 1)}) stopped: ${task?.stoppedReason ?? 'unknown reason'}`;
      this.options.containerInstances.drain(tx, drain.instanceArn, reason.slice(0, 1024));
    }
    for (const stop of plan.stops) {
      const record = byArn.get(stop.taskArn);
      const stopped =
        record &&
        stoppedTaskRecord(record, {
          code: 'ServiceSchedulerInitiated',
          reason: STOP_REASONS[stop.kind],
          now,
        });
      if (stopped) write(stopped);
    }
    launchDaemonTasks(
      {
        tx,
        partition: partitionOfArn(daemon.daemonArn),
        ids: this.options.ids,
        now,
        daemon,
        deploymentArn: deployment.daemonDeploymentArn,
      },
      plan.launches,
    );
    if (JSON.stringify(plan.rollout) !== JSON.stringify(deployment.rollout)) {
      tx.put(KIND.daemonDeployment, deployment.daemonDeploymentArn, daemon.daemonArn, {
        ...deployment,
        rollout: plan.rollout,
      });
    }
    if (plan.finished) tx.delete(KIND.daemon, daemon.daemonArn);
  }
}
