/**
 * What the health checker last observed of every target, by target group ARN and target: the
 * TargetHealthSource DescribeTargetHealth and ECS read, written only by the data plane.
 */
import type { ObservedHealth, TargetHealthSource } from '../services/targets/target-health.js';

export const targetKey = (target: { readonly id: string; readonly port: number }): string =>
  `${target.id}:${target.port}`;

export class TargetHealthBoard implements TargetHealthSource {
  readonly #byGroup = new Map<string, Map<string, ObservedHealth>>();

  observed(
    targetGroupArn: string,
    target: { readonly id: string; readonly port: number },
  ): ObservedHealth | undefined {
    return this.#byGroup.get(targetGroupArn)?.get(targetKey(target));
  }

  set(targetGroupArn: string, key: string, health: ObservedHealth): void {
    let group = this.#byGroup.get(targetGroupArn);
    if (!group) this.#byGroup.set(targetGroupArn, (group = new Map<string, ObservedHealth>()));
    group.set(key, health);
  }

  /** Forgets targets no longer checked (and groups no longer in use). */
  retain(targetGroupArn: string, keys: ReadonlySet<string>): void {
    const group = this.#byGroup.get(targetGroupArn);
    if (!group) return;
    for (const key of group.keys()) if (!keys.has(key)) group.delete(key);
  }

  retainGroups(targetGroupArns: ReadonlySet<string>): void {
    for (const arn of this.#byGroup.keys()) if (!targetGroupArns.has(arn)) this.#byGroup.delete(arn);
  }
}
