/**
 * A tiny simulated cluster for the task-set scheduler's tests: `reconcile()` builds a snapshot,
 * asks `reconcileTaskSets` for a plan and applies it — launches become PENDING tasks on the live
 * instance with the fewest tasks, stops set desired STOPPED and (after `stopSeconds`) last status
 * STOPPED — and `advance(s)` moves time on and each task forward by its task set's behaviour.
 */
import { instance } from '../placement/placement.test-support.js';
import type { PlacementInstance } from '../placement/placement-types.js';
import type { Behaviour, SimTask } from '../service/sim-task-progress.test-support.js';
import { progressTask } from '../service/sim-task-progress.test-support.js';

import { computedDesiredCount } from './computed-desired-count.js';
import { reconcileTaskSets } from './reconcile-task-sets.js';
import type { TaskSetState, TaskSetsPlan, TaskSetsSnapshot, TaskSetStatus } from './task-set-types.js';

export interface SimTaskSet {
  id: string;
  status: TaskSetStatus;
  scale: number;
  state: TaskSetState;
}

export class TaskSetSim {
  now = 1_000_000;
  desiredCount: number;
  serviceStatus: 'ACTIVE' | 'DRAINING' = 'ACTIVE';
  taskSets: SimTaskSet[] = [];
  tasks: (SimTask & { stoppingSince?: number })[] = [];
  instances: PlacementInstance[];
  events: string[] = [];
  private seq = 0;

  constructor(
    desiredCount: number,
    readonly behaviours: Record<string, Behaviour> = {},
    instanceCount = 4,
    readonly stopSeconds = 3,
  ) {
    this.desiredCount = desiredCount;
    this.instances = Array.from({ length: instanceCount }, (_, i) =>
      instance(`i${i}`, { attributes: { 'ecs.availability-zone': i % 2 === 0 ? 'a' : 'b' } }),
    );
  }

  addTaskSet(scale: number, status: TaskSetStatus = 'ACTIVE'): SimTaskSet {
    this.seq += 1;
    const id = `ecs-svc/${String(this.seq).padStart(19, '0')}`;
    const set: SimTaskSet = {
      id,
      status,
      scale,
      state: {
        id,
        status,
        computedDesiredCount: 0,
        createdAt: this.now,
        stabilityStatus: 'STABILIZING',
        stabilityStatusAt: this.now,
        failedLaunches: 0,
        nextLaunchAt: 0,
      },
    };
    this.taskSets.push(set);
    return set;
  }

  snapshot(): TaskSetsSnapshot {
    return {
      now: this.now,
      serviceName: 'web',
      serviceStatus: this.serviceStatus,
      healthCheckGracePeriodSeconds: 0,
      taskSets: this.taskSets.map((s) => ({
        ...s.state,
        status: s.status,
        computedDesiredCount: s.status === 'DRAINING' ? 0 : computedDesiredCount(this.desiredCount, s.scale),
      })),
      tasks: this.tasks.map((t) => ({ ...t })),
      instances: this.instances,
      strategies: [
        { type: 'spread', field: 'attribute:ecs.availability-zone' },
        { type: 'spread', field: 'instanceId' },
      ],
      seed: `sim/${this.now}`,
    };
  }

  reconcile(): TaskSetsPlan {
    const plan = reconcileTaskSets(this.snapshot());
    this.apply(plan);
    return plan;
  }

  apply(plan: TaskSetsPlan): void {
    for (const stop of plan.stops) {
      const task = this.tasks.find((t) => t.taskArn === stop.taskArn);
      if (task && task.desiredStatus !== 'STOPPED') {
        Object.assign(task, { desiredStatus: 'STOPPED', stopCode: 'ServiceSchedulerInitiated' });
        task.stoppingSince = this.now;
      }
    }
    for (const launch of plan.launches)
      for (let i = 0; i < launch.count; i++) this.launch(launch.deploymentId);
    for (const state of plan.taskSets) {
      const set = this.taskSets.find((s) => s.id === state.id);
      if (set) set.state = state;
    }
    this.taskSets = this.taskSets.filter((s) => !plan.removed.includes(s.id));
    this.events.push(...plan.events);
  }

  advance(seconds: number): void {
    this.now += seconds;
    for (const task of this.tasks) {
      if (task.desiredStatus === 'STOPPED') {
        if (task.lastStatus !== 'STOPPED' && this.now - (task.stoppingSince ?? this.now) >= this.stopSeconds)
          Object.assign(task, { lastStatus: 'STOPPED', stoppedAt: this.now });
        continue;
      }
      progressTask(task, this.behaviours[task.deploymentId] ?? {}, this.now);
    }
  }

  live(taskSetId?: string): SimTask[] {
    return this.tasks.filter(
      (t) =>
        t.desiredStatus === 'RUNNING' &&
        t.lastStatus !== 'STOPPED' &&
        (taskSetId === undefined || t.deploymentId === taskSetId),
    );
  }

  private launch(taskSetId: string): void {
    const counts = this.instances
      .filter((i) => i.status === 'ACTIVE')
      .map((i) => ({
        arn: i.arn,
        n: this.live().filter((t) => t.instanceArn === i.arn).length,
      }));
    counts.sort((a, b) => a.n - b.n);
    this.seq += 1;
    this.tasks.push({
      taskArn: `arn:aws:ecs:us-east-1:123456789012:task/c/t${String(this.seq).padStart(4, '0')}`,
      deploymentId: taskSetId,
      instanceArn: counts[0]?.arn ?? '',
      lastStatus: 'PENDING',
      desiredStatus: 'RUNNING',
      createdAt: this.now,
      healthStatus: 'UNKNOWN',
      hasHealthCheck: this.behaviours[taskSetId]?.healthCheck !== undefined,
      instanceStatus: 'ACTIVE',
      agentConnected: true,
      agentSilentForSeconds: 0,
    });
  }
}
