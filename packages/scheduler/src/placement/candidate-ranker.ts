/**
 * Ranks candidate instances by the compiled strategies, each a tie-breaker for the ones before:
 * - binpack(cpu|memory): the least of that resource left first;
 * - spread(instanceId|host): the instance with the fewest tasks of the spread group first;
 * - spread(attribute:X): the instance whose X value has the fewest tasks of the spread group
 *   (over all instances given) first. Instances without X share one bucket.
 * Ties left after every strategy are broken uniformly at random.
 *
 * This is the inner loop of placement (instances × tasks), so keys live in reused typed arrays
 * and buckets are small integers.
 */
import { ownValue } from '../query-language/queryable-instance.js';
import type { RandomSource } from '../random/seeded-random.js';
import type { CompiledStrategy } from './compile-strategies.js';
import type { InstanceState } from './instance-state.js';

interface SpreadBuckets {
  /** Bucket id per instance index. */
  readonly bucketOf: Int32Array;
  /** Spread-group tasks per bucket id. */
  readonly counts: number[];
}

const spreadBuckets = (attribute: string, states: readonly InstanceState[]): SpreadBuckets => {
  const ids = new Map<string | undefined, number>();
  const bucketOf = new Int32Array(states.length);
  const counts: number[] = [];
  for (const state of states) {
    const value = ownValue(state.attributes, attribute);
    let id = ids.get(value);
    if (id === undefined) {
      id = ids.size;
      ids.set(value, id);
      counts.push(0);
    }
    bucketOf[state.index] = id;
    counts[id] = (counts[id] ?? 0) + state.spreadCount;
  }
  return { bucketOf, counts };
};

const BINPACK_CPU = 0;
const BINPACK_MEMORY = 1;
const SPREAD_INSTANCE = 2;
const SPREAD_ATTRIBUTE = 3;

const kindCode = (strategy: CompiledStrategy): number => {
  if (strategy.kind === 'binpack') return strategy.field === 'cpu' ? BINPACK_CPU : BINPACK_MEMORY;
  return strategy.kind === 'spreadInstance' ? SPREAD_INSTANCE : SPREAD_ATTRIBUTE;
};

export class CandidateRanker {
  private readonly kinds: Uint8Array;
  private readonly spread: (SpreadBuckets | undefined)[];
  private current: Float64Array;
  private best: Float64Array;
  /** The candidates tied for best in the current `choose` pass (reused between calls). */
  private readonly ties: InstanceState[] = [];

  /** `states[i].index` must equal `i`. */
  constructor(strategies: readonly CompiledStrategy[], states: readonly InstanceState[]) {
    this.kinds = Uint8Array.from(strategies.map(kindCode));
    this.spread = strategies.map((s) =>
      s.kind === 'spreadAttribute' ? spreadBuckets(s.attribute, states) : undefined,
    );
    this.current = new Float64Array(strategies.length);
    this.best = new Float64Array(strategies.length);
  }

  private score(strategyIndex: number, state: InstanceState): number {
    switch (this.kinds[strategyIndex]) {
      case BINPACK_CPU:
        return state.cpu;
      case BINPACK_MEMORY:
        return state.memory;
      case SPREAD_INSTANCE:
        return state.spreadCount;
      default: {
        const spread = this.spread[strategyIndex];
        return spread === undefined ? 0 : (spread.counts[spread.bucketOf[state.index] ?? 0] ?? 0);
      }
    }
  }

  /**
   * Writes the key of `state` into `current` and compares it with `best`: negative when `state`
   * ranks first. Stops at the first component that ranks it after `best` (the common case).
   */
  private rank(state: InstanceState, first: boolean): number {
    let order = first ? -1 : 0;
    for (let i = 0; i < this.kinds.length; i++) {
      const value = this.score(i, state);
      if (order === 0) {
        order = value - (this.best[i] ?? 0);
        if (order > 0) return order;
      }
      this.current[i] = value;
    }
    return order;
  }

  /**
   * The best-ranked candidate, in one pass; ties are collected and one is drawn from `random` at
   * the end (uniformly, one draw per call). Without strategies every candidate ties.
   */
  choose(candidates: readonly InstanceState[], random: RandomSource): InstanceState | undefined {
    if (this.kinds.length === 0 || candidates.length <= 1) {
      return candidates[Math.floor(random() * candidates.length)];
    }
    const ties = this.ties;
    ties.length = 0;
    for (const state of candidates) {
      const order = this.rank(state, ties.length === 0);
      if (order > 0) continue;
      if (order < 0) {
        ties.length = 0;
        const previous = this.best;
        this.best = this.current;
        this.current = previous;
      }
      ties.push(state);
    }
    return ties[Math.floor(random() * ties.length)];
  }

  /** Counts one more spread-group task on `state` (call after it received a task). */
  recordPlacement(state: InstanceState): void {
    for (const spread of this.spread) {
      if (spread === undefined) continue;
      const id = spread.bucketOf[state.index] ?? 0;
      spread.counts[id] = (spread.counts[id] ?? 0) + 1;
    }
  }
}
