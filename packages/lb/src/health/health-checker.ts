/**
 * Berth's own health checker: one check per registered target every interval, fed into the ALB
 * state machine; every visible change (state, reason, description) is reported through onChange
 * so the caller can set HAProxy server states and answer DescribeTargetHealth. The timers live
 * here, not in the pure files; stop() leaves no timer and waits for checks in flight.
 */
import { compileHttpCodeMatcher, type HttpCodePredicate } from './matcher.js';
import { checkOutcomeOf, probeHttp, type HttpProber } from './http-prober.js';
import {
  applyCheckOutcome,
  healthChecksStarted,
  registeredTargetHealth,
  sameVisibleHealth,
  type TargetHealth,
} from './target-health-state.js';

export interface HealthCheckSettings {
  readonly protocol: 'HTTP' | 'HTTPS';
  readonly path: string;
  readonly intervalMs: number;
  readonly timeoutMs: number;
  readonly healthyThresholdCount: number;
  readonly unhealthyThresholdCount: number;
  /** ALB's Matcher.HttpCode, e.g. "200" or "200-299". */
  readonly matcher: string;
}

export interface CheckedTarget {
  /** Identifies the target inside its group (e.g. its server name). */
  readonly key: string;
  readonly address: string;
  /** The port health checks go to (the traffic port unless the group overrides it). */
  readonly port: number;
}

export interface TargetHealthChange {
  readonly targetGroupId: string;
  readonly targetKey: string;
  readonly previous: TargetHealth | undefined;
  readonly current: TargetHealth;
}

export interface HealthCheckerOptions {
  readonly onChange: (change: TargetHealthChange) => void;
  readonly probe?: HttpProber;
  /** A failure of onChange or of the prober; the checks go on. Default: console.error. */
  readonly onError?: (error: unknown) => void;
}

interface TargetEntry {
  readonly target: CheckedTarget;
  health: TargetHealth;
  timer: ReturnType<typeof setTimeout> | undefined;
}

interface GroupEntry {
  settings: HealthCheckSettings;
  matcher: HttpCodePredicate;
  readonly targets: Map<string, TargetEntry>;
}

export class HealthChecker {
  readonly #groups = new Map<string, GroupEntry>();
  readonly #onChange: (change: TargetHealthChange) => void;
  readonly #probe: HttpProber;
  readonly #onError: (error: unknown) => void;
  readonly #inFlight = new Set<Promise<void>>();
  #running = false;

  constructor(options: HealthCheckerOptions) {
    this.#onChange = options.onChange;
    this.#probe = options.probe ?? probeHttp;
    this.#onError = options.onError ?? ((error) => console.error('health checker:', error));
  }

  /** Sets a group's settings and registered targets: new ones start `initial`, gone ones stop. */
  setTargetGroup(
    targetGroupId: string,
    settings: HealthCheckSettings,
    targets: readonly CheckedTarget[],
  ): void {
    const matcher = compileHttpCodeMatcher(settings.matcher);
    let group = this.#groups.get(targetGroupId);
    if (group === undefined) {
      group = { settings, matcher, targets: new Map() };
      this.#groups.set(targetGroupId, group);
    }
    group.settings = settings;
    group.matcher = matcher;
    const wanted = new Map(targets.map((target) => [target.key, target]));
    for (const [key, entry] of group.targets) {
      const next = wanted.get(key);
      if (next === undefined || next.address !== entry.target.address || next.port !== entry.target.port) {
        clearTimeout(entry.timer);
        group.targets.delete(key);
      }
    }
    for (const target of wanted.values()) {
      if (group.targets.has(target.key)) continue;
      const entry: TargetEntry = { target, health: registeredTargetHealth(), timer: undefined };
      group.targets.set(target.key, entry);
      this.#emit(targetGroupId, target.key, undefined, entry.health);
      if (this.#running) this.#schedule(targetGroupId, entry, 0);
    }
  }

  removeTargetGroup(targetGroupId: string): void {
    const group = this.#groups.get(targetGroupId);
    if (group === undefined) return;
    for (const entry of group.targets.values()) clearTimeout(entry.timer);
    this.#groups.delete(targetGroupId);
  }

  /** The current health of each target of a group, by target key. */
  health(targetGroupId: string): ReadonlyMap<string, TargetHealth> {
    const group = this.#groups.get(targetGroupId);
    return new Map(
      [...(group?.targets ?? new Map<string, TargetEntry>())].map(([key, e]) => [key, e.health]),
    );
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    for (const [groupId, group] of this.#groups) {
      for (const entry of group.targets.values()) this.#schedule(groupId, entry, 0);
    }
  }

  /** Stops every timer and waits for the checks in flight; their results are dropped. */
  async stop(): Promise<void> {
    this.#running = false;
    for (const group of this.#groups.values()) {
      for (const entry of group.targets.values()) {
        clearTimeout(entry.timer);
        entry.timer = undefined;
      }
    }
    await Promise.all([...this.#inFlight]);
  }

  #schedule(groupId: string, entry: TargetEntry, delayMs: number): void {
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      const check = this.#check(groupId, entry)
        .catch(this.#onError)
        .finally(() => this.#inFlight.delete(check));
      this.#inFlight.add(check);
    }, delayMs);
  }

  async #check(groupId: string, entry: TargetEntry): Promise<void> {
    const group = this.#groups.get(groupId);
    if (group === undefined || group.targets.get(entry.target.key) !== entry) return;
    const startedAt = performance.now();
    const current = (): boolean =>
      this.#running && this.#groups.get(groupId)?.targets.get(entry.target.key) === entry;
    try {
      this.#update(groupId, entry, healthChecksStarted(entry.health));
      const { settings } = group;
      const result = await this.#probe({
        protocol: settings.protocol,
        host: entry.target.address,
        port: entry.target.port,
        path: settings.path,
        timeoutMs: settings.timeoutMs,
        matcher: group.matcher,
      });
      if (current())
        this.#update(groupId, entry, applyCheckOutcome(entry.health, checkOutcomeOf(result), settings));
    } finally {
      if (current()) {
        const elapsed = performance.now() - startedAt;
        this.#schedule(groupId, entry, Math.max(0, group.settings.intervalMs - elapsed));
      }
    }
  }

  #update(groupId: string, entry: TargetEntry, next: TargetHealth): void {
    const previous = entry.health;
    entry.health = next;
    if (!sameVisibleHealth(previous, next)) this.#emit(groupId, entry.target.key, previous, next);
  }

  #emit(
    targetGroupId: string,
    targetKey: string,
    previous: TargetHealth | undefined,
    current: TargetHealth,
  ): void {
    this.#onChange({ targetGroupId, targetKey, previous, current });
  }
}
