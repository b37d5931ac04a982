/**
 * The data plane controller: keeps one supervised HAProxy in step with the ELBv2 records.
 *
 *   store change / health change / 1 s tick ──▶ plan (pure) ──▶ structure changed? ──yes──▶ validated reload ─┐
 *                                                                     └──no──────────────────────────────────┴─▶ server sync (runtime API)
 *
 * Listeners, rules and target groups are the structure: a change to them reloads HAProxy
 * seamlessly. Targets coming and going, their health and draining only change servers, through
 * the runtime API. Berth's own health checker decides target health (ALB semantics) and writes it
 * to the TargetHealthBoard that DescribeTargetHealth and ECS read. Deregistration delays end on
 * the tick. Passes never overlap; a change during a pass runs one more. HAProxy is started with
 * the first load balancer (a server without any runs none), or adopted at start when one is
 * already running for this directory (the control plane was killed while HAProxy served).
 */
import { existsSync } from 'node:fs';

import type { HaproxySupervisor } from '@berth/lb';
import {
  configStructure,
  HealthChecker,
  ServerSyncDriver,
  renderHaproxyConfig,
  type DataPlaneModel,
  type TargetHealthChange,
} from '@berth/lb';
import type { StateStore } from '@berth/store';

import type { Elbv2Module } from '../elbv2-module.js';
import { ELBV2_KIND } from '../records/store-kinds.js';

import { FULL_WEIGHT, planDataPlane, rampedWeight, slowStartMs } from './data-plane-plan.js';
import { targetKey, type TargetHealthBoard } from './target-health-board.js';

export interface DataPlaneControllerOptions {
  readonly store: StateStore;
  readonly elbv2: Elbv2Module;
  readonly board: TargetHealthBoard;
  readonly supervisor: HaproxySupervisor;
  readonly now: () => number;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
  readonly tickMs?: number;
  /** Called before each reload (the ALB metrics collector samples the worker about to go). */
  readonly beforeReload?: () => Promise<void>;
}

const ELBV2_KINDS = new Set<string>(Object.values(ELBV2_KIND));

export class DataPlaneController {
  readonly #options: DataPlaneControllerOptions;
  readonly #checker: HealthChecker;
  readonly #driver: ServerSyncDriver;
  #structure: string | undefined;
  #checkedGroups = new Set<string>();
  /** Each group's slow start in ms, as of the last plan. */
  #slowStarts = new Map<string, number>();
  #timer: NodeJS.Timeout | undefined;
  #unsubscribe: (() => void) | undefined;
  #pass: Promise<void> | undefined;
  #again = false;
  #stopped = false;

  constructor(options: DataPlaneControllerOptions) {
    this.#options = options;
    this.#driver = new ServerSyncDriver(options.supervisor.runtimeApi);
    this.#checker = new HealthChecker({
      onChange: (change) => this.#onHealth(change),
      onError: (error) => options.log('health check failed', { error: String(error) }),
    });
  }

  /** Adopts a running HAProxy (or starts one if there are load balancers), then follows changes. */
  async start(): Promise<void> {
    await this.#exclusive(async () => {
      const { model } = this.#plan();
      if (existsSync(this.#options.supervisor.layout.pidFile) || model.loadBalancers.length > 0)
        await this.#launch(model);
    });
    this.#checker.start();
    this.#unsubscribe = this.#options.store.subscribe((changes) => {
      if (changes.some((c) => ELBV2_KINDS.has(c.kind))) this.kick();
    });
    this.#timer = setInterval(() => this.kick(), this.#options.tickMs ?? 1000);
    this.#timer.unref();
  }

  /** Stops following changes and checking health; `stopHaproxy` also stops HAProxy (else it keeps serving). */
  async stop(stopHaproxy: boolean): Promise<void> {
    this.#stopped = true;
    this.#unsubscribe?.();
    clearInterval(this.#timer);
    await this.#checker.stop();
    await this.#pass;
    if (stopHaproxy && this.#structure !== undefined) await this.#options.supervisor.stop();
  }

  /** Runs a pass now, or once more after the one under way. */
  kick(): void {
    if (this.#stopped) return;
    if (this.#pass) {
      this.#again = true;
      return;
    }
    void this.#exclusive(() => this.#run());
  }

  /**
   * Runs `work` as the one pass under way. Deferred, so that a kick from inside it (a health
   * change the plan emits) finds the pass set and only asks for one more.
   */
  #exclusive(work: () => Promise<void>): Promise<void> {
    const pass = Promise.resolve()
      .then(work)
      .finally(() => {
        this.#pass = undefined;
        if (this.#again && !this.#stopped) {
          this.#again = false;
          this.kick();
        }
      });
    this.#pass = pass;
    return pass;
  }

  async #launch(model: DataPlaneModel): Promise<void> {
    const config = renderHaproxyConfig(model, {});
    const structure = configStructure(config);
    // An adopted HAProxy whose listeners, rules and groups are unchanged is not reloaded (its
    // connections stay open); its servers are synced below.
    const started = await this.#options.supervisor.start(
      config,
      (running) => configStructure(running) === structure,
    );
    this.#options.log(started.adopted ? 'adopted the running HAProxy' : 'started HAProxy', {
      pid: started.masterPid,
    });
    this.#structure = structure;
    await this.#driver.syncAll(model.targetGroups);
    this.#markActive(model);
  }

  async #run(): Promise<void> {
    try {
      this.#options.elbv2.services.targets.expireDrainingTargets(this.#options.now());
      const { model } = this.#plan();
      if (this.#structure === undefined) {
        if (model.loadBalancers.length > 0) await this.#launch(model);
        return;
      }
      const config = renderHaproxyConfig(model, {});
      const structure = configStructure(config);
      if (structure !== this.#structure) {
        await this.#options.beforeReload?.();
        await this.#options.supervisor.reload(config);
        this.#structure = structure;
      }
      await this.#driver.syncAll(model.targetGroups);
      this.#markActive(model);
    } catch (error) {
      this.#options.log('data plane pass failed', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  #plan(): ReturnType<typeof planDataPlane> {
    const { elbv2, board } = this.#options;
    const snapshot = elbv2.snapshot();
    this.#slowStarts = new Map(snapshot.targetGroups.map((g) => [g.arn, slowStartMs(g)]));
    const plan = planDataPlane(snapshot, {
      observed: (arn, target) => board.observed(arn, target),
      healthyStart: (arn, target) => board.healthyStart(arn, targetKey(target)),
      instances: elbv2.instances,
      now: this.#options.now(),
    });
    const groups = new Set<string>();
    for (const check of plan.checks) {
      groups.add(check.targetGroupArn);
      this.#checker.setTargetGroup(check.targetGroupArn, check.settings, check.targets);
      board.retain(check.targetGroupArn, new Set(check.targets.map((t) => t.key)));
    }
    for (const gone of this.#checkedGroups) if (!groups.has(gone)) this.#checker.removeTargetGroup(gone);
    this.#checkedGroups = groups;
    board.retainGroups(groups);
    return plan;
  }

  #onHealth(change: TargetHealthChange): void {
    const { state, reason, description } = change.current;
    if (state === 'draining' || state === 'unused') return;
    const now = this.#options.now();
    const rampMs = this.#slowStarts.get(change.targetGroupId) ?? 0;
    this.#options.board.set(
      change.targetGroupId,
      change.targetKey,
      {
        state,
        ...(reason !== undefined ? { reason } : {}),
        ...(description !== undefined ? { description } : {}),
      },
      now,
      (start) => rampedWeight(start, rampMs, now) === FULL_WEIGHT,
    );
    if (change.previous?.state !== state) this.kick();
  }

  #markActive(model: DataPlaneModel): void {
    for (const lb of this.#options.elbv2.snapshot().loadBalancers) {
      if (lb.state === 'provisioning' && model.loadBalancers.some((m) => m.id === lb.id))
        this.#options.elbv2.services.loadBalancers.markActive(lb.arn);
    }
  }
}
