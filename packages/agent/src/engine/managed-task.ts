import type { DesiredTask, TaskReport } from '@berth/wire/agent';

import type { OwnedContainer } from '../runtime/container-runtime.js';
import { LABELS } from '../runtime/ownership-labels.js';
import { applyOutcome, applyTaskRules, failContainer } from './apply-outcome.js';
import { observeContainer } from './observe-container.js';
import { planStep, type Move } from './step-planner.js';
import { cleanupTask, dropSecrets, setupTaskResources, sweepTask } from './task-resources.js';
import { attributeOomKills, liveContainers } from './task-oom-kills.js';
import { buildTaskReport } from './task-report.js';
import { containerNamed, createTaskState, type ManagedContainer, type TaskState } from './task-state.js';
import { runTransition, type TransitionContext } from './transitions.js';
import { WakeSignal } from './wake-signal.js';

export interface ManagedTaskDeps extends TransitionContext {
  readonly now: () => number;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
  readonly report: (report: TaskReport) => void;
}

/**
 * One task's manager (ECS `managedTask`): the only code that changes the task's state, in a single
 * serial loop — refresh what changed, plan the next step, perform it, report, repeat; sleep until
 * an event, a deadline or a new desired state. Never two loops for one task.
 */
export class ManagedTask {
  private readonly state: TaskState;
  private readonly wake = new WakeSignal();
  private readonly stale = new Set<ManagedContainer>();
  private lastReport = '';
  private lastStatus = '';
  private detached = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly deps: ManagedTaskDeps,
    desired: DesiredTask,
    adopted: readonly OwnedContainer[] = [],
  ) {
    this.state = createTaskState(desired);
    for (const owned of adopted) this.adopt(owned);
  }

  /** The task's state, changed only by its loop; others may read it. */
  get view(): Readonly<TaskState> {
    return this.state;
  }

  get taskArn(): string {
    return this.state.desired.taskArn;
  }

  /** The task left the desired set. */
  get forgotten(): boolean {
    return this.state.forgotten;
  }

  /** The loop has ended: the task is STOPPED and cleaned up (or the engine detached). */
  get finished(): boolean {
    return this.state.cleanedUp || this.detached;
  }

  start(): void {
    this.loop ??= this.run().catch((error: unknown) =>
      this.deps.log('task loop failed', { taskArn: this.taskArn, error: String(error) }),
    );
  }

  /** A new desired state (level-triggered). Desired status only moves forward. */
  update(desired: DesiredTask): void {
    this.state.forgotten = false;
    if (this.state.desired.desiredStatus === 'STOPPED' && desired.desiredStatus !== 'STOPPED') return;
    this.state.desired = { ...desired, containers: this.state.desired.containers };
    this.wake.notify();
  }

  /** The task left the desired set: stop it if needed and remove its containers at once. */
  forget(): void {
    this.state.forgotten = true;
    this.wake.notify();
  }

  /** A runtime event about one of this task's containers. */
  notify(containerId: string): void {
    const c = this.state.containers.find((x) => x.runtimeId === containerId);
    if (!c) return;
    this.stale.add(c);
    this.wake.notify();
  }

  /** Re-inspects every container that may have changed (periodic, in case an event was lost). */
  resync(): void {
    for (const c of this.state.containers)
      if (c.runtimeId !== undefined && c.known !== 'STOPPED') this.stale.add(c);
    this.wake.notify();
  }

  /** Stops driving the task (its containers are left as they are) and waits for the loop to end. */
  async detach(): Promise<void> {
    this.detached = true;
    this.wake.notify();
    await this.loop;
  }

  /** Waits for the loop to end by itself (STOPPED and cleaned up). */
  async settled(): Promise<void> {
    await this.loop;
  }

  observed(): TaskReport {
    return buildTaskReport(this.state, this.state.desired.clusterArn || this.deps.clusterArn);
  }

  private adopt(owned: OwnedContainer): void {
    const c = containerNamed(this.state, owned.labels[LABELS.containerName] ?? '');
    if (!c || c.runtimeId !== undefined) return;
    c.runtimeId = owned.id;
    c.known = 'CREATED';
    this.state.adopted = true;
    this.stale.add(c);
    const address = c.internal ? owned.labels[LABELS.taskAddress] : undefined;
    if (address !== undefined) {
      this.state.address = address;
      this.deps.addresses.adopt(this.taskArn, address);
    }
  }

  private async run(): Promise<void> {
    while (!this.detached) {
      await this.refresh();
      this.shipLogs();
      applyTaskRules(this.state, this.deps.now());
      this.emit();
      const step = planStep(this.state, this.deps.now(), this.deps.config);
      if (step.kind === 'finished' || this.detached) return;
      if (step.kind === 'wait') {
        await this.wake.wait(step.untilMs === undefined ? undefined : step.untilMs - this.deps.now());
        continue;
      }
      if (step.kind === 'transitions') await this.perform(step.moves);
      else if (step.kind === 'setup-resources') await this.setupResources();
      else if (step.kind === 'fail') failContainer(this.state, step.container, step.reason);
      else if (step.kind === 'finish-stop') await this.finishStop();
      else await this.cleanup();
    }
  }

  /** Every container that has run ships its output (awslogs); following one twice is a no-op. */
  private shipLogs(): void {
    for (const c of this.state.containers)
      if (!c.internal && c.runtimeId !== undefined && c.startedAtMs !== undefined)
        this.deps.logs?.follow(this.taskArn, c.definition, c.runtimeId);
  }

  private async refresh(): Promise<void> {
    const stale = [...this.stale];
    this.stale.clear();
    await this.observingOomKills(() => Promise.all(stale.map((c) => this.inspect(c))));
  }

  /** Runs `work`; containers it finds SIGKILLed may owe that to the task's memory limit. */
  private async observingOomKills(work: () => Promise<unknown>): Promise<void> {
    const wereLive = liveContainers(this.state);
    await work();
    await attributeOomKills(this.state, wereLive, () => this.deps.taskCgroups.oomKills(this.state.desired));
  }

  private async inspect(c: ManagedContainer): Promise<void> {
    const id = c.runtimeId;
    if (id === undefined) return;
    try {
      observeContainer(this.state.desired, c, await this.deps.runtime.inspectContainer(id));
    } catch (error) {
      this.deps.log('inspect failed; will retry', {
        taskArn: this.taskArn,
        container: c.name,
        error: String(error),
      });
    }
  }

  private async perform(moves: readonly Move[]): Promise<void> {
    if (moves.some((m) => m.to === 'PULLED')) this.state.pullStartedAtMs ??= this.deps.now();
    await this.observingOomKills(async () => {
      const outcomes = await Promise.all(
        moves.map((m) => runTransition(this.deps, this.state, m.container, m.to)),
      );
      moves.forEach((move, i) => {
        const outcome = outcomes[i];
        if (outcome && applyOutcome(this.state, move.container, move.to, outcome, this.deps.now())) {
          this.stale.add(move.container);
        }
      });
    });
    const pulling = this.state.containers.some((c) => c.known === 'NONE');
    if (this.state.pullStartedAtMs !== undefined && !pulling) this.state.pullStoppedAtMs ??= this.deps.now();
  }

  private async setupResources(): Promise<void> {
    const failure = await setupTaskResources(this.deps, this.state);
    if (failure === undefined) this.state.resourcesReady = true;
    else this.state.stop = { stopCode: 'TaskFailedToStart', reason: failure };
    for (const notice of this.state.notices) this.deps.log(notice, { taskArn: this.taskArn });
  }

  /** Every container is STOPPED: sweep what the task left behind, release its address, STOPPED. */
  private async finishStop(): Promise<void> {
    this.state.strays = await sweepTask(this.deps, this.state, this.deps.log);
    await dropSecrets(this.deps, this.state, this.deps.log);
    this.deps.addresses.release(this.taskArn);
    this.state.known = 'STOPPED';
    this.state.stoppedAtMs = this.deps.now();
  }

  private async cleanup(): Promise<void> {
    await cleanupTask(this.deps, this.state, this.deps.log);
    this.state.cleanedUp = true;
  }

  private emit(): void {
    const report = this.observed();
    const text = JSON.stringify(report);
    if (text === this.lastReport) return;
    this.lastReport = text;
    if (report.status !== this.lastStatus) {
      this.lastStatus = report.status;
      this.deps.log(`task ${report.status}`, {
        taskArn: this.taskArn,
        ...(report.stopCode === undefined ? {} : { stopCode: report.stopCode, reason: report.reason }),
      });
    }
    this.deps.report(report);
  }
}
