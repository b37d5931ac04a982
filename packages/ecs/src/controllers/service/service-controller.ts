/**
 * The service controller: level-triggered. Any change to a service, to one of its tasks or to a
 * container instance of its cluster enqueues the service; a periodic resync enqueues them all
 * (time alone moves some things: the 40 s healthy rule, the launch throttle, lost agents). Each
 * reconcile re-reads the store, asks the pure scheduler for a plan and writes the resulting intent
 * — stops, placed launches, deployments, events — in one transaction. Nothing depends on having
 * seen a transition, so a restarted server carries on from the stored state.
 */
import { partitionOfArn } from '@berth/core';
import { evaluate, parseExpression, reconcileService, type ServicePlan } from '@berth/scheduler';
import type { StateStore, StoreChange, StoreTransaction } from '@berth/store';

import type { AgentPresence } from '../../services/agent-presence.js';
import type { InstanceUsageIndex } from '../../services/instance-usage-index.js';
import type { LoadBalancing } from '../../services/load-balancing/load-balancing.js';
import type { TaskGroupIndex } from '../../services/task-index.js';
import { postEvents } from '../../services/ecs-services/service-events.js';
import { launchForNewDeployment } from '../../services/ecs-services/rollback-target.js';
import { followDeployments } from '../../services/ecs-services/service-history.js';
import {
  SERVICE_KIND,
  serviceArnOfGroup,
  type ServiceDeployment,
  type ServiceRecord,
} from '../../services/ecs-services/service-record.js';
import { queryableInstance } from '../../services/container-instances/instance-views.js';
import { usageOf } from '../../services/instance-usage.js';
import { KIND, type ContainerInstanceRecord, type TaskRecord } from '../../services/records.js';
import { epochSeconds, type IdSource } from '../../services/service-deps.js';
import { LoopController } from '../controller-loop.js';

import { launchServiceTasks } from './service-launcher.js';
import { stopServiceTasks } from './stop-service-tasks.js';
import { withServiceLaunch } from './service-launch-fields.js';
import { buildServiceSnapshot } from './service-snapshot.js';
import type { DeploymentAlarmStates } from './deployment-alarm-states.js';

export interface ServiceControllerOptions {
  readonly store: StateStore;
  readonly now: () => number;
  readonly ids: IdSource;
  readonly presence: AgentPresence;
  readonly usage: InstanceUsageIndex;
  readonly groups: TaskGroupIndex;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
  readonly resyncIntervalMs: number;
  /** Target health of services behind load balancers (absent: no load balancing). */
  readonly loadBalancing?: LoadBalancing;
  /** Deployment alarm states (absent: no CloudWatch alarms). */
  readonly alarmStates?: DeploymentAlarmStates;
}

export class ServiceController extends LoopController<ServiceControllerOptions> {
  /** Every service not yet INACTIVE. */
  protected *allKeys(): Iterable<string> {
    for (const record of this.options.store.list<ServiceRecord>(SERVICE_KIND)) {
      if (record.service.status !== 'INACTIVE') yield record.service.serviceArn ?? '';
    }
  }

  /** A service, one of its tasks, or an instance (or daemon task) of its cluster changed. */
  protected *keysOf(changes: readonly StoreChange[]): Iterable<string> {
    for (const change of changes) {
      if (change.kind === SERVICE_KIND) yield change.key;
      else if (change.kind === KIND.task) {
        const group = (change.value as TaskRecord | undefined)?.task.group ?? '';
        const arn = serviceArnOfGroup(change.scope, group);
        if (arn !== undefined) yield arn;
        // A daemon task that starts (or stops) opens (or closes) its instance to service tasks.
        if (group.startsWith('daemon:')) yield* this.servicesOf(change.scope);
      } else if (change.kind === KIND.containerInstance) yield* this.servicesOf(change.scope);
    }
  }

  private *servicesOf(clusterArn: string): Iterable<string> {
    for (const record of this.options.store.list<ServiceRecord>(SERVICE_KIND, clusterArn)) {
      yield record.service.serviceArn ?? '';
    }
  }

  /** One reconcile of one service, in one transaction. */
  reconcile(serviceArn: string): void {
    this.options.store.transact((tx) => {
      const record = tx.get<ServiceRecord>(SERVICE_KIND, serviceArn);
      if (!record || record.service.status === 'INACTIVE') return;
      // EXTERNAL services' tasks belong to their task sets: the task-set controller keeps them.
      if (record.service.deploymentController?.type === 'EXTERNAL') return;
      const now = epochSeconds(this.options.now());
      const daemonInstances =
        record.service.schedulingStrategy === 'DAEMON' ? this.daemonInstances(tx, record) : undefined;
      const alarmStates = this.options.alarmStates?.of(serviceArn);
      const { snapshot, tasks } = buildServiceSnapshot(tx, record, {
        now,
        presence: this.options.presence,
        newHexId: () => this.options.ids.hexId(),
        groups: this.options.groups,
        ...(this.options.loadBalancing ? { loadBalancing: this.options.loadBalancing } : {}),
        ...(daemonInstances ? { daemonInstances } : {}),
        ...(alarmStates ? { alarmStates } : {}),
      });
      const plan = reconcileService(snapshot);
      stopServiceTasks(tx, tasks, plan.stops, now);
      const stopped = new Set(plan.stops.map((s) => s.taskArn));
      const running = tasks.filter(
        (t) => t.task.desiredStatus === 'RUNNING' && !stopped.has(t.task.taskArn ?? ''),
      );
      const launched = launchServiceTasks(
        {
          tx,
          partition: partitionOfArn(serviceArn),
          presence: this.options.presence,
          usage: this.options.usage.usage(record.clusterArn),
          ids: this.options.ids,
          now,
          running,
        },
        { ...record, deployments: this.deploymentsOf(record, plan) },
        plan.launches,
      );
      const next = this.nextRecord(record, plan, [...plan.events, ...launched.events], now);
      if (JSON.stringify(next) !== JSON.stringify(record))
        tx.put(SERVICE_KIND, serviceArn, record.clusterArn, next);
    });
  }

  /**
   * The plan's deployments, keeping each one's launch type or capacity provider strategy, platform
   * version and network configuration; a deployment the plan created (a circuit-breaker rollback)
   * takes those of the deployment it rolls back to.
   */
  private deploymentsOf(record: ServiceRecord, plan: ServicePlan): ServiceDeployment[] {
    const known = new Map(record.deployments.map((d) => [d.id, d]));
    return plan.deployments.map((d) => {
      const before = known.get(d.id);
      if (!before) return { ...d, ...launchForNewDeployment(record, d.taskDefinitionArn) };
      return { ...before, ...d };
    });
  }

  private nextRecord(
    record: ServiceRecord,
    plan: ServicePlan,
    messages: readonly string[],
    now: number,
  ): ServiceRecord {
    const deployments = this.deploymentsOf(record, plan);
    const primary = deployments.find((d) => d.status === 'PRIMARY');
    const completed = deployments.find((d) => d.rolloutState === 'COMPLETED');
    const status = record.service.status === 'DRAINING' && plan.drained ? 'INACTIVE' : record.service.status;
    // A PRIMARY the plan created (rollback): the service shows its launch and network fields.
    const created = primary && !record.deployments.some((d) => d.id === primary.id) ? primary : undefined;
    return {
      ...record,
      service: {
        ...(created ? withServiceLaunch(record.service, created) : record.service),
        ...(status ? { status } : {}),
        ...(primary ? { taskDefinition: primary.taskDefinitionArn } : {}),
        // A DAEMON service wants one task per eligible instance: that is its desired count.
        ...(primary && record.service.schedulingStrategy === 'DAEMON' && status === 'ACTIVE'
          ? { desiredCount: primary.desiredCount }
          : {}),
      },
      deployments,
      events: postEvents(record.events, messages, now, () => this.options.ids.uuid()),
      ...(record.history ? { history: followDeployments(record.history, deployments, now) } : {}),
      ...(completed
        ? { lastCompletedTaskDefinitionArn: completed.taskDefinitionArn, lastCompletedDeployment: completed }
        : {}),
    };
  }

  /** DAEMON: ACTIVE instances with a connected agent that meet the service's memberOf constraints. */
  private daemonInstances(tx: StoreTransaction, record: ServiceRecord): string[] {
    const expressions = (record.service.placementConstraints ?? [])
      .filter((c) => c.type === 'memberOf' && c.expression)
      .map((c) => parseExpression(c.expression ?? ''));
    return tx
      .list<ContainerInstanceRecord>(KIND.containerInstance, record.clusterArn)
      .filter(
        (i) =>
          i.instance.status === 'ACTIVE' &&
          this.options.presence.isConnected(i.instance.containerInstanceArn ?? ''),
      )
      .filter((i) =>
        expressions.every((e) => evaluate(e, queryableInstance(i, true, usageOf(new Map(), '')))),
      )
      .map((i) => i.instance.containerInstanceArn ?? '');
  }
}
