/**
 * The target registration controller: keeps a service's load balancer targets in step with its
 * tasks (plan-target-registration.ts decides). Any change to a service or one of its tasks
 * enqueues the service, and a resync every second moves deregistration delays along. ELBv2 calls
 * go through the LoadBalancing port before the task records are written, so a crash in between
 * only repeats an idempotent call.
 */
import { partitionOfArn, type Partition } from '@berth/core';
import type { StateStore, StoreChange } from '@berth/store';

import { postEvents } from '../../services/ecs-services/service-events.js';
import {
  SERVICE_KIND,
  serviceArnOfGroup,
  type ServiceRecord,
} from '../../services/ecs-services/service-record.js';
import { serviceTasks } from '../../services/ecs-services/service-view.js';
import type { LoadBalancing, TargetGroupFacts } from '../../services/load-balancing/load-balancing.js';
import { KIND, type ContainerInstanceRecord, type TaskRecord } from '../../services/records.js';
import { epochSeconds, type IdSource } from '../../services/service-deps.js';
import type { TaskGroupIndex } from '../../services/task-index.js';
import { LoopController } from '../controller-loop.js';

import { planTargetRegistration } from './plan-target-registration.js';
import { planTrafficWeights, sameWeights } from './plan-traffic-weights.js';

export interface TargetRegistrationOptions {
  readonly store: StateStore;
  readonly now: () => number;
  readonly ids: IdSource;
  readonly groups: TaskGroupIndex;
  readonly loadBalancing: LoadBalancing;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
  readonly resyncIntervalMs: number;
}

const hasLoadBalancers = (record: ServiceRecord): boolean => (record.service.loadBalancers ?? []).length > 0;

export class TargetRegistrationController extends LoopController<TargetRegistrationOptions> {
  /** Every service behind load balancers (INACTIVE ones too: their last tasks may still drain). */
  protected *allKeys(): Iterable<string> {
    for (const record of this.options.store.list<ServiceRecord>(SERVICE_KIND)) {
      if (hasLoadBalancers(record)) yield record.service.serviceArn ?? '';
    }
  }

  protected *keysOf(changes: readonly StoreChange[]): Iterable<string> {
    for (const change of changes) {
      if (change.kind === SERVICE_KIND) yield change.key;
      else if (change.kind === KIND.task) {
        const arn = serviceArnOfGroup(change.scope, (change.value as TaskRecord | undefined)?.task.group);
        if (arn !== undefined) yield arn;
      }
    }
  }

  reconcile(serviceArn: string): void {
    const { store, loadBalancing } = this.options;
    const record = store.get<ServiceRecord>(SERVICE_KIND, serviceArn);
    if (!record || !hasLoadBalancers(record)) return;
    const partition = partitionOfArn(serviceArn);
    const tasks = serviceTasks(store, record, this.options.groups);
    const loadBalancers = record.service.loadBalancers ?? [];
    const targetGroups = new Map<string, TargetGroupFacts>();
    for (const lb of loadBalancers) {
      for (const arn of [lb.targetGroupArn, lb.advancedConfiguration?.alternateTargetGroupArn]) {
        const facts = arn ? loadBalancing.targetGroup(partition, arn) : undefined;
        if (facts) targetGroups.set(facts.targetGroupArn, facts);
      }
    }
    // Traffic moves before targets change: a rollback's weights return to blue before green drains.
    if (record.service.status === 'ACTIVE') this.applyWeights(partition, serviceArn, record);
    const now = epochSeconds(this.options.now());
    const plan = planTargetRegistration({
      now,
      serviceName: record.service.serviceName ?? '',
      loadBalancers,
      targetGroups,
      tasks,
      alternateDeployments: new Set(
        record.deployments.filter((d) => d.alternateTargetGroups === true).map((d) => d.id),
      ),
      instanceIdOf: (arn) =>
        store.get<ContainerInstanceRecord>(KIND.containerInstance, arn)?.instance.ec2InstanceId,
      healthOf: (mark) => loadBalancing.targetHealth(partition, mark.targetGroupArn, mark),
    });
    for (const [group, targets] of plan.register) loadBalancing.registerTargets(partition, group, targets);
    for (const [group, targets] of plan.deregister)
      loadBalancing.deregisterTargets(partition, group, targets);
    if (plan.marks.size === 0 && plan.events.length === 0) return;
    store.transact((tx) => {
      for (const [taskArn, marks] of plan.marks) {
        const task = tx.get<TaskRecord>(KIND.task, taskArn);
        if (!task) continue;
        const releasedNow = marks.length === 0 && task.task.desiredStatus === 'STOPPED';
        tx.put(KIND.task, taskArn, task.clusterArn, {
          ...task,
          loadBalancerTargets: marks,
          // The agent hears of the stop only now: bump the version it compares.
          ...(releasedNow ? { task: { ...task.task, version: (task.task.version ?? 0) + 1 } } : {}),
        });
      }
      const current = tx.get<ServiceRecord>(SERVICE_KIND, serviceArn);
      if (current && plan.events.length > 0) {
        tx.put(SERVICE_KIND, serviceArn, current.clusterArn, {
          ...current,
          events: postEvents(current.events, plan.events, now, () => this.options.ids.uuid()),
        });
      }
    });
  }

  /** Moves the listener rules of the service's advancedConfiguration to the weights it wants. */
  private applyWeights(partition: Partition, serviceArn: string, record: ServiceRecord): void {
    const { loadBalancing } = this.options;
    for (const rule of planTrafficWeights(record.service.loadBalancers ?? [], record.deployments)) {
      const current = loadBalancing.listenerRule(partition, rule.ruleArn);
      if (!current || sameWeights(current.targetGroups, rule.weights)) continue;
      try {
        loadBalancing.setForwardWeights(partition, rule.ruleArn, rule.weights);
        this.options.log('traffic weights moved', {
          serviceArn,
          ruleArn: rule.ruleArn,
          weights: rule.weights,
        });
      } catch (error) {
        this.options.log('traffic weights not moved', {
          serviceArn,
          ruleArn: rule.ruleArn,
          error: String(error),
        });
      }
    }
  }
}
