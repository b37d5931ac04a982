/**
 * What the health checker last observed of every target, by target group ARN and target: the
 * TargetHealthSource DescribeTargetHealth and ECS read, written only by the data plane. It also
 * remembers when a target turned healthy and whether it joined targets already healthy and past
 * their slow start (ALB's rule for entering slow start).
 */
import type { ObservedHealth, TargetHealthSource } from '../services/targets/target-health.js';

export const targetKey = (target: { readonly id: string; readonly port: number }): string =>
  `${target.id}:${target.port}`;

/** A healthy target's start: since when, and whether it may ramp (slow start). */
export interface HealthyStart {
  /** Epoch ms. */
  readonly since: number;
  /** Other targets of the group were healthy and not ramping when it turned healthy. */
  readonly joinedPeers: boolean;
}

export class TargetHealthBoard implements TargetHealthSource {
  readonly #byGroup = new Map<string, Map<string, ObservedHealth>>();
  readonly #starts = new Map<string, Map<string, HealthyStart>>();

  /** When the target turned healthy, if it is healthy now. */
  healthyStart(targetGroupArn: string, key: string): HealthyStart | undefined {
    return this.#starts.get(targetGroupArn)?.get(key);
  }

  observed(
    targetGroupArn: string,
    target: { readonly id: string; readonly port: number },
  ): ObservedHealth | undefined {
    return this.#byGroup.get(targetGroupArn)?.get(targetKey(target));
  }

  /**
   * Records a target's health at `now`; `settled` says whether a healthy target is past its slow
   * start (so that one turning healthy beside it may ramp).
   */
  set(
    targetGroupArn: string,
    key: string,
    health: ObservedHealth,
    now: number,
    settled: (start: HealthyStart) => boolean,
  ): void {
    let group = this.#byGroup.get(targetGroupArn);
    if (!group) this.#byGroup.set(targetGroupArn, (group = new Map<string, ObservedHealth>()));
    let starts = this.#starts.get(targetGroupArn);
    if (!starts) this.#starts.set(targetGroupArn, (starts = new Map<string, HealthyStart>()));
    if (health.state !== 'healthy') starts.delete(key);
    else if (!starts.has(key)) {
      const joinedPeers = [...starts.entries()].some(([other, start]) => other !== key && settled(start));
      starts.set(key, { since: now, joinedPeers });
    }
    group.set(key, health);
  }

  /** Forgets targets no longer checked (and groups no longer in use). */
  retain(targetGroupArn: string, keys: ReadonlySet<string>): void {
    const group = this.#byGroup.get(targetGroupArn);
    if (!group) return;
    for (const key of group.keys()) if (!keys.has(key)) group.delete(key);
    const starts = this.#starts.get(targetGroupArn);
    for (const key of starts?.keys() ?? []) if (!keys.has(key)) starts?.delete(key);
  }

  retainGroups(targetGroupArns: ReadonlySet<string>): void {
    for (const arn of this.#byGroup.keys()) if (!targetGroupArns.has(arn)) this.#byGroup.delete(arn);
    for (const arn of this.#starts.keys()) if (!targetGroupArns.has(arn)) this.#starts.delete(arn);
  }
}
