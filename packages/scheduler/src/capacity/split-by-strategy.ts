/**
 * ECS's capacity provider strategy split [G cluster-capacity-providers]: the provider with a
 * `base` gets tasks until it holds that many; every further task goes to the provider furthest
 * below its weighted share of the tasks beyond the bases (so each stays within one task of it). Weight 0 is never used past its base.
 * Ties go to the provider listed first. Existing tasks (a service's running ones) count, so a
 * service converges to the same split however it got there.
 *
 * Example (ECS-REFERENCE §3): base 2 on A, weights A=1 and B=4, 12 tasks → A 4, B 8.
 */

export interface StrategyItem {
  readonly capacityProvider: string;
  readonly base: number;
  readonly weight: number;
}

/**
 * How many of `count` new tasks each provider gets, given the tasks each already holds.
 * Returns a count per provider in strategy order (zeros included).
 */
export const splitByStrategy = (
  strategy: readonly StrategyItem[],
  count: number,
  existing: ReadonlyMap<string, number> = new Map(),
): Map<string, number> => {
  const held = strategy.map((item) => existing.get(item.capacityProvider) ?? 0);
  const added = strategy.map(() => 0);
  for (let n = 0; n < count; n += 1) {
    const pick = nextProvider(strategy, held);
    if (pick === undefined) break;
    held[pick] = (held[pick] ?? 0) + 1;
    added[pick] = (added[pick] ?? 0) + 1;
  }
  return new Map(strategy.map((item, i) => [item.capacityProvider, added[i] ?? 0]));
};

const nextProvider = (strategy: readonly StrategyItem[], held: readonly number[]): number | undefined => {
  const underBase = strategy.findIndex((item, i) => (held[i] ?? 0) < item.base);
  if (underBase >= 0) return underBase;
  const beyondBase = strategy.map((item, i) => Math.max(0, (held[i] ?? 0) - item.base));
  const totalWeight = strategy.reduce((sum, item) => sum + Math.max(0, item.weight), 0);
  if (totalWeight === 0) return undefined;
  const after = beyondBase.reduce((sum, n) => sum + n, 0) + 1;
  let best: number | undefined;
  let bestDeficit = -Infinity;
  strategy.forEach((item, i) => {
    if (item.weight <= 0) return;
    const deficit = (after * item.weight) / totalWeight - (beyondBase[i] ?? 0);
    if (deficit > bestDeficit + 1e-9) {
      bestDeficit = deficit;
      best = i;
    }
  });
  return best;
};
