/**
 * Scale-in order: which running tasks to stop first so that the tasks left behind still follow the
 * placement strategies. Greedy, one task at a time, ranked by the strategies in order:
 * - binpack(cpu|memory): tasks on the instance with the most of that resource left go first;
 * - spread(instanceId|host|attribute:X): tasks in the bucket with the most remaining candidates
 *   go first, so the buckets stay balanced as tasks are taken away;
 * - remaining ties (and `random`) are broken by seeded random, e.g. "at random inside an AZ".
 * Tasks whose instance is not among `instances` go first: nothing is known to keep them.
 * Cost: O(candidates² × strategies), fine for the counts a scale-in stops.
 */
import type { PlacementStrategy } from '@berth/wire/ecs';

import { ownValue } from '../query-language/queryable-instance.js';
import { seededRandom } from '../random/seeded-random.js';
import { chooseBest } from './choose-best.js';
import { compileStrategies } from './compile-strategies.js';
import type { CompiledStrategy } from './compile-strategies.js';
import type { PlacementInstance } from './placement-types.js';

export interface StopCandidate {
  readonly taskArn: string;
  readonly instanceArn: string;
}

interface Entry<T> {
  readonly candidate: T;
  readonly instance: PlacementInstance | undefined;
  /** Per strategy, the key of the bucket this task counts in. */
  readonly buckets: readonly string[];
}

const bucketOf = (
  strategy: CompiledStrategy,
  instanceArn: string,
  instance: PlacementInstance | undefined,
): string => {
  if (strategy.kind === 'spreadInstance') return `instance:${instanceArn}`;
  if (strategy.kind === 'spreadAttribute') {
    const value = instance === undefined ? undefined : ownValue(instance.attributes, strategy.attribute);
    return value === undefined ? 'none' : `value:${value}`;
  }
  return '';
};

export const rankForStop = <T extends StopCandidate>(
  candidates: readonly T[],
  instances: readonly PlacementInstance[],
  strategies: readonly PlacementStrategy[],
  seed: string,
): T[] => {
  const compiled = compileStrategies(strategies);
  const byArn = new Map(instances.map((instance) => [instance.arn, instance]));
  const counts = compiled.map(() => new Map<string, number>());
  const entries = candidates.map((candidate): Entry<T> => {
    const instance = byArn.get(candidate.instanceArn);
    const buckets = compiled.map((strategy) => bucketOf(strategy, candidate.instanceArn, instance));
    buckets.forEach((bucket, i) => counts[i]?.set(bucket, (counts[i]?.get(bucket) ?? 0) + 1));
    return { candidate, instance, buckets };
  });

  /** Lower first: unknown instance, then per strategy. */
  const key = (entry: Entry<T>, i: number): number => {
    const strategy = compiled[i];
    if (strategy?.kind !== 'binpack') return -(counts[i]?.get(entry.buckets[i] ?? '') ?? 0);
    const remaining = entry.instance?.remaining;
    return -((strategy.field === 'cpu' ? remaining?.cpu : remaining?.memory) ?? 0);
  };
  const compare = (a: Entry<T>, b: Entry<T>): number => {
    const known = Number(a.instance !== undefined) - Number(b.instance !== undefined);
    if (known !== 0) return known;
    for (let i = 0; i < compiled.length; i++) {
      const order = key(a, i) - key(b, i);
      if (order !== 0) return order;
    }
    return 0;
  };

  const random = seededRandom(seed);
  const remaining = new Set(entries);
  const order: T[] = [];
  while (remaining.size > 0) {
    const next = chooseBest(remaining, compare, random);
    if (next === undefined) break;
    remaining.delete(next);
    next.buckets.forEach((bucket, i) => counts[i]?.set(bucket, (counts[i]?.get(bucket) ?? 1) - 1));
    order.push(next.candidate);
  }
  return order;
};
