import type { DesiredTask, TaskReport } from '@berth/wire/agent';

import type { ImageResolver } from '../ecr/index.js';
import { TaskCgroups } from '../host/task-cgroups.js';
import type { ContainerLogShipping } from '../logs/log-shipping.js';
import type { TaskAddresses } from '../host/task-addresses.js';
import { PauseImage } from '../pause/pause-image.js';
import type {
  ContainerRuntime,
  EventSubscription,
  OwnedContainer,
  RuntimeEvent,
} from '../runtime/container-runtime.js';
import { LABELS } from '../runtime/ownership-labels.js';
import type { SecretInjection } from '../secrets/secret-injection.js';
import { resolveEngineConfig, type EngineConfig, type ResolvedEngineConfig } from './engine-config.js';
import { ManagedTask, type ManagedTaskDeps } from './managed-task.js';
import { reapOrphans } from './orphan-reaper.js';
import type { TaskEndpointEnv } from './task-endpoint-env.js';
import type { TaskState } from './task-state.js';
import { NO_ULIMIT_CEILINGS, type UlimitPolicy } from './ulimit-grants.js';

export interface TaskEngineOptions {
  readonly runtime: ContainerRuntime;
  readonly containerInstanceArn: string;
  readonly clusterArn: string;
  readonly config: EngineConfig;
  /** Called after every observed change of a task. */
  readonly report: (report: TaskReport) => void;
  /** Epoch ms. */
  readonly now: () => number;
  readonly log: (message: string, fields?: object) => void;
  /** Where awsvpc tasks get their addresses: the agent's own block. */
  readonly addresses: TaskAddresses;
  /** The most this host grants of each ulimit, and whether to insist on the asked ones. */
  readonly ulimits?: UlimitPolicy;
  /** Ships awslogs containers' output (absent: it stays in json-file on the host). */
  readonly logs?: ContainerLogShipping;
  /** Pulls registry (ECR) images from Berth's registry (absent: every image as written). */
  readonly images?: ImageResolver;
  /** The task metadata and credentials endpoint whose variables every container gets. */
  readonly taskEndpoint?: TaskEndpointEnv;
  /** A task left the engine (stopped and cleaned up, or forgotten): forget what is kept for it. */
  readonly taskGone?: (taskArn: string) => void;
  /** Resolves secrets, environment files and registry credentials (absent: tasks using them fail to start). */
  readonly secrets?: SecretInjection;
}

/** How long shutdown waits for task loops to notice they are detached. */
const DETACH_WAIT_MS = 5_000;

const groupByTask = (containers: readonly OwnedContainer[]): Map<string, OwnedContainer[]> => {
  const groups = new Map<string, OwnedContainer[]>();
  for (const c of containers) {
    const arn = c.labels[LABELS.taskArn] ?? '';
    groups.set(arn, [...(groups.get(arn) ?? []), c]);
  }
  return groups;
};

const settleWithin = async (ms: number, work: Promise<unknown>): Promise<void> => {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  await Promise.race([work.then(() => undefined), limit]);
  clearTimeout(timer);
};

/**
 * Runs this container instance's tasks: one ManagedTask (a serial loop) per task ARN, fed the
 * desired state level-triggered, woken by runtime events and a periodic resync. After an agent
 * restart, `recover()` finds the containers it owns so they are adopted, never duplicated; the
 * owned containers of tasks absent from the first desired set are removed.
 */
export class TaskEngine {
  private readonly tasks = new Map<string, ManagedTask>();
  private readonly config: ResolvedEngineConfig;
  private readonly deps: ManagedTaskDeps;
  private readonly background = new Set<Promise<void>>();
  private adoptable = new Map<string, OwnedContainer[]>();
  private reapPending = false;
  private events: EventSubscription | undefined;
  private resyncTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly options: TaskEngineOptions) {
    this.config = resolveEngineConfig(options.config);
    const log = (message: string, fields?: Record<string, unknown>): void => options.log(message, fields);
    this.deps = {
      runtime: options.runtime,
      owner: options.containerInstanceArn,
      clusterArn: options.clusterArn,
      config: this.config,
      pause: new PauseImage(options.runtime, {
        arch: process.arch,
        ...(this.config.pauseImage === undefined ? {} : { pauseImage: this.config.pauseImage }),
      }),
      taskCgroups: new TaskCgroups({ cgroupDriver: () => options.runtime.cgroupDriver(), log }),
      addresses: options.addresses,
      ulimits: options.ulimits ?? NO_ULIMIT_CEILINGS,
      ...(options.logs === undefined ? {} : { logs: options.logs }),
      ...(options.images === undefined ? {} : { images: options.images }),
      ...(options.taskEndpoint === undefined ? {} : { taskEndpoint: options.taskEndpoint }),
      ...(options.secrets === undefined ? {} : { secrets: options.secrets }),
      now: options.now,
      log,
      report: (report) => {
        if (!this.closed) options.report(report);
      },
    };
  }

  /** Finds the containers this instance owns (after an agent restart); call before the first applyDesired. */
  async recover(): Promise<void> {
    this.startMonitoring();
    const owned = await this.options.runtime.listOwnedContainers(this.options.containerInstanceArn);
    this.adoptable = groupByTask(owned);
    this.reapPending = true;
    this.options.log('recovered owned containers', { containers: owned.length, tasks: this.adoptable.size });
  }

  /** The full desired set for this instance (level-triggered). */
  applyDesired(tasks: readonly DesiredTask[]): void {
    if (this.closed) return;
    this.startMonitoring();
    const wanted = new Set(tasks.map((t) => t.taskArn));
    for (const desired of tasks) this.upsert(desired);
    for (const [arn, task] of this.tasks) if (!wanted.has(arn)) this.forget(arn, task);
    if (this.reapPending) this.reap(wanted);
  }

  /** The observed state of every known task (to resync after a reconnect). */
  observed(): TaskReport[] {
    return [...this.tasks.values()].map((t) => t.observed());
  }

  /** Each known task's state, read-only (the task metadata endpoint shows it). */
  taskStates(): readonly Readonly<TaskState>[] {
    return [...this.tasks.values()].map((t) => t.view);
  }

  /** The owner label of everything this engine creates (its container instance or managed host). */
  get owner(): string {
    return this.options.containerInstanceArn;
  }

  /**
   * stopTasks: stop and remove every container; otherwise just detach (containers keep running).
   * Resolves to the number of tasks it stopped.
   */
  async shutdown(options: { stopTasks: boolean }): Promise<number> {
    let stopped = 0;
    if (options.stopTasks) {
      this.reap(new Set());
      stopped = [...this.tasks.values()].filter(
        (t) => !t.finished && t.observed().status !== 'STOPPED',
      ).length;
      for (const [arn, task] of this.tasks) this.forget(arn, task);
      await Promise.all([...this.tasks.values()].map((t) => t.settled()));
      await Promise.all([...this.background]);
      // A container whose creation was in flight while the loops wound down: sweep once more.
      await this.sweepOwned();
    }
    this.closed = true;
    this.events?.close();
    clearInterval(this.resyncTimer);
    await settleWithin(DETACH_WAIT_MS, Promise.all([...this.tasks.values()].map((t) => t.detach())));
    await this.options.logs?.close(options.stopTasks ? DETACH_WAIT_MS : 0);
    return stopped;
  }

  private upsert(desired: DesiredTask): void {
    const existing = this.tasks.get(desired.taskArn);
    if (existing) {
      existing.update(desired);
      return;
    }
    const task = new ManagedTask(this.deps, desired, this.adoptable.get(desired.taskArn) ?? []);
    this.adoptable.delete(desired.taskArn);
    this.tasks.set(desired.taskArn, task);
    task.start();
    this.track(task.settled().then(() => this.dropIfForgotten(desired.taskArn, task)));
  }

  private async sweepOwned(): Promise<void> {
    const owner = this.options.containerInstanceArn;
    const left = await this.options.runtime.listOwnedContainers(owner);
    await reapOrphans(
      {
        runtime: this.options.runtime,
        owner,
        stopTimeoutSeconds: this.config.containerStopTimeoutSeconds,
        log: this.deps.log,
      },
      left,
      new Set(),
    );
  }

  private forget(arn: string, task: ManagedTask): void {
    task.forget();
    this.dropIfForgotten(arn, task);
  }

  private dropIfForgotten(arn: string, task: ManagedTask): void {
    if (task.forgotten && task.finished && this.tasks.get(arn) === task) {
      this.tasks.delete(arn);
      this.options.taskGone?.(arn);
    }
  }

  /** Once, after the first desired set: remove owned containers of tasks nobody wants. */
  private reap(wanted: ReadonlySet<string>): void {
    this.reapPending = false;
    const orphans = [...this.adoptable.entries()].filter(([arn]) => !wanted.has(arn)).flatMap(([, c]) => c);
    for (const [arn] of this.adoptable) if (!wanted.has(arn)) this.adoptable.delete(arn);
    const ctx = {
      runtime: this.options.runtime,
      owner: this.options.containerInstanceArn,
      stopTimeoutSeconds: this.config.containerStopTimeoutSeconds,
      log: this.deps.log,
    };
    const keep = new Set([...wanted, ...this.tasks.keys()]);
    this.track(reapOrphans(ctx, orphans, keep));
    const secrets = this.options.secrets;
    if (secrets) this.track(secrets.prune(() => [...keep, ...this.tasks.keys()]));
  }

  private startMonitoring(): void {
    if (this.events || this.closed) return;
    this.events = this.options.runtime.watchEvents(this.options.containerInstanceArn, (event) =>
      this.route(event),
    );
    this.resyncTimer = setInterval(() => {
      for (const task of this.tasks.values()) task.resync();
    }, this.config.resyncIntervalSeconds * 1000);
    this.resyncTimer.unref();
  }

  private route(event: RuntimeEvent): void {
    this.tasks.get(event.labels[LABELS.taskArn] ?? '')?.notify(event.containerId);
  }

  private track(work: Promise<void>): void {
    const tracked = work.catch((error: unknown) =>
      this.deps.log('background work failed', { error: String(error) }),
    );
    this.background.add(tracked);
    void tracked.finally(() => this.background.delete(tracked));
  }
}
