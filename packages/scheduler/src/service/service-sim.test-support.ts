/**
 * A tiny simulated cluster for the service scheduler's tests. It plays the caller and the agents:
 * `reconcile()` builds a snapshot, asks `reconcileService` for a plan and applies it — launches
 * become PENDING tasks (placed on the ACTIVE, connected instance with the fewest live tasks unless
 * the launch names one), stops set desired and last status STOPPED at once — and `advance(s)` moves
 * time on and each task forward according to its task definition's behaviour.
 */
import { reconcileService } from './reconcile-service.js';
import type {
  DeploymentState,
  ServiceConfig,
  ServicePlan,
  ServiceSnapshot,
  ServiceTask,
} from './service-types.js';

import { progressTask } from './sim-task-progress.test-support.js';
import type { Behaviour, SimTask } from './sim-task-progress.test-support.js';

export type { Behaviour, SimTask } from './sim-task-progress.test-support.js';

export interface SimInstance {
  readonly arn: string;
  status: string;
  agentConnected: boolean;
  silentFor: number;
}

export const HEALTHY_AFTER = 40;

export const serviceConfig = (overrides: Partial<ServiceConfig> = {}): ServiceConfig => ({
  serviceName: 'web',
  status: 'ACTIVE',
  schedulingStrategy: 'REPLICA',
  desiredCount: 4,
  minimumHealthyPercent: 100,
  maximumPercent: 200,
  circuitBreaker: { enable: false, rollback: false },
  healthCheckGracePeriodSeconds: 0,
  ...overrides,
});

export class ServiceSim {
  now = 1_000_000;
  service: ServiceConfig;
  deployments: DeploymentState[] = [];
  tasks: SimTask[] = [];
  instances: SimInstance[];
  events: string[] = [];
  lastCompletedTaskDefinitionArn: string | undefined;
  private taskSeq = 0;
  private deploymentSeq = 0;

  constructor(
    service: ServiceConfig,
    readonly behaviours: Record<string, Behaviour> = {},
    instanceCount = 3,
  ) {
    this.service = service;
    this.instances = Array.from({ length: instanceCount }, (_, i) => ({
      arn: `arn:aws:ecs:us-east-1:123456789012:container-instance/c/i${i}`,
      status: 'ACTIVE',
      agentConnected: true,
      silentFor: 0,
    }));
  }

  /** A service already steady on `taskDefinitionArn` with `count` healthy tasks (DAEMON: one per instance). */
  static steady(
    service: ServiceConfig,
    taskDefinitionArn: string,
    behaviours: Record<string, Behaviour> = {},
    instanceCount = 3,
  ): ServiceSim {
    const sim = new ServiceSim(service, behaviours, instanceCount);
    const deployment = sim.deploy(taskDefinitionArn);
    const count =
      service.schedulingStrategy === 'DAEMON' ? sim.daemonInstances().length : service.desiredCount;
    const check = behaviours[taskDefinitionArn]?.healthCheck !== undefined;
    for (let i = 0; i < count; i++) {
      const task = sim.addTask(
        deployment.id,
        service.schedulingStrategy === 'DAEMON' ? sim.instances[i]?.arn : undefined,
      );
      Object.assign(task, { lastStatus: 'RUNNING', startedAt: sim.now - 1000, createdAt: sim.now - 1001 });
      if (check) task.healthStatus = 'HEALTHY';
    }
    sim.deployments = [
      {
        ...deployment,
        rolloutState: 'COMPLETED',
        rolloutStateReason: `ECS deployment ${deployment.id} completed.`,
      },
    ];
    sim.lastCompletedTaskDefinitionArn = taskDefinitionArn;
    return sim;
  }

  private deploymentId(seq: number): string {
    return `ecs-svc/${String(seq).padStart(19, '0')}`;
  }

  /** UpdateService with a new task definition: a new PRIMARY, the old one becomes ACTIVE. */
  deploy(taskDefinitionArn: string): DeploymentState {
    this.deploymentSeq += 1;
    const id = this.deploymentId(this.deploymentSeq);
    const deployment: DeploymentState = {
      id,
      status: 'PRIMARY',
      taskDefinitionArn,
      desiredCount: this.service.desiredCount,
      rolloutState: 'IN_PROGRESS',
      rolloutStateReason: `ECS deployment ${id} in progress.`,
      failedTasks: 0,
      createdAt: this.now,
      updatedAt: this.now,
      failedLaunches: 0,
      nextLaunchAt: 0,
    };
    this.deployments = [
      deployment,
      ...this.deployments.map((d): DeploymentState => ({ ...d, status: 'ACTIVE' })),
    ];
    return deployment;
  }

  daemonInstances(): string[] {
    return this.instances.filter((i) => i.status === 'ACTIVE' && i.agentConnected).map((i) => i.arn);
  }

  snapshot(): ServiceSnapshot {
    const byArn = new Map(this.instances.map((i) => [i.arn, i]));
    return {
      now: this.now,
      service: this.service,
      deployments: this.deployments,
      tasks: this.tasks.map((t): ServiceTask => {
        const instance = byArn.get(t.instanceArn);
        return {
          ...t,
          instanceStatus: instance?.status ?? 'INACTIVE',
          agentConnected: instance?.agentConnected ?? false,
          agentSilentForSeconds: instance?.silentFor ?? 0,
        };
      }),
      ...(this.service.schedulingStrategy === 'DAEMON' ? { daemonInstances: this.daemonInstances() } : {}),
      nextDeploymentId: this.deploymentId(this.deploymentSeq + 1),
      ...(this.lastCompletedTaskDefinitionArn !== undefined
        ? { rollbackTaskDefinitionArn: this.lastCompletedTaskDefinitionArn }
        : {}),
    };
  }

  reconcile(): ServicePlan {
    const plan = reconcileService(this.snapshot());
    this.apply(plan);
    return plan;
  }

  apply(plan: ServicePlan): void {
    for (const stop of plan.stops) {
      const task = this.tasks.find((t) => t.taskArn === stop.taskArn);
      if (task === undefined || task.desiredStatus === 'STOPPED') continue;
      Object.assign(task, {
        desiredStatus: 'STOPPED',
        lastStatus: 'STOPPED',
        stoppedAt: this.now,
        stopCode: 'ServiceSchedulerInitiated',
      });
    }
    if (plan.deployments.some((d) => d.id === this.deploymentId(this.deploymentSeq + 1)))
      this.deploymentSeq += 1;
    for (const launch of plan.launches) {
      for (let i = 0; i < launch.count; i++) this.addTask(launch.deploymentId, launch.instanceArn);
    }
    this.deployments = [...plan.deployments];
    const completed = plan.deployments.find((d) => d.rolloutState === 'COMPLETED');
    if (completed !== undefined) this.lastCompletedTaskDefinitionArn = completed.taskDefinitionArn;
    this.events.push(...plan.events);
  }

  live(): SimTask[] {
    return this.tasks.filter((t) => t.desiredStatus === 'RUNNING' && t.lastStatus !== 'STOPPED');
  }

  isHealthy(t: ServiceTask): boolean {
    if (t.desiredStatus !== 'RUNNING' || t.lastStatus !== 'RUNNING') return false;
    return t.hasHealthCheck
      ? t.healthStatus === 'HEALTHY'
      : this.now - (t.startedAt ?? this.now) >= HEALTHY_AFTER;
  }

  healthyCount(): number {
    return this.tasks.filter((t) => this.isHealthy(t)).length;
  }

  private addTask(deploymentId: string, instanceArn?: string): SimTask {
    const behaviour = this.behaviourOf(deploymentId);
    this.taskSeq += 1;
    const task: SimTask = {
      taskArn: `arn:aws:ecs:us-east-1:123456789012:task/c/t${String(this.taskSeq).padStart(4, '0')}`,
      deploymentId,
      instanceArn: instanceArn ?? this.place(),
      lastStatus: 'PENDING',
      desiredStatus: 'RUNNING',
      createdAt: this.now,
      healthStatus: 'UNKNOWN',
      hasHealthCheck: behaviour.healthCheck !== undefined,
      instanceStatus: 'ACTIVE',
      agentConnected: true,
      agentSilentForSeconds: 0,
    };
    this.tasks.push(task);
    return task;
  }

  private place(): string {
    const usable = this.instances.filter((i) => i.status === 'ACTIVE' && i.agentConnected);
    const load = (arn: string): number => this.live().filter((t) => t.instanceArn === arn).length;
    const best = usable.reduce<SimInstance | undefined>(
      (a, b) => (a === undefined || load(b.arn) < load(a.arn) ? b : a),
      undefined,
    );
    return best?.arn ?? 'arn:aws:ecs:us-east-1:123456789012:container-instance/c/none';
  }

  private behaviourOf(deploymentId: string): Behaviour {
    const taskDefinitionArn = this.deployments.find((d) => d.id === deploymentId)?.taskDefinitionArn ?? '';
    return this.behaviours[taskDefinitionArn] ?? {};
  }

  /** Time passes; every task moves on per its behaviour. Tasks on silent instances stand still. */
  advance(seconds: number): void {
    this.now += seconds;
    for (const instance of this.instances) if (!instance.agentConnected) instance.silentFor += seconds;
    const silent = new Set(this.instances.filter((i) => !i.agentConnected).map((i) => i.arn));
    for (const task of this.tasks) {
      if (!silent.has(task.instanceArn)) progressTask(task, this.behaviourOf(task.deploymentId), this.now);
    }
  }
}
