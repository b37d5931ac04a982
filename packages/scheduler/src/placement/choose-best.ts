import type { RandomSource } from '../random/seeded-random.js';

/**
 * The item that ranks first by `compare`, ties broken uniformly at random in one pass (reservoir
 * sampling: the k-th tied item replaces the choice with probability 1/k). Draws from `random` only
 * on ties, so the result depends on the seed and the items' order alone.
 */
export const chooseBest = <T>(
  items: Iterable<T>,
  compare: (a: T, b: T) => number,
  random: RandomSource,
): T | undefined => {
  let best: T | undefined;
  let ties = 0;
  for (const item of items) {
    const order = best === undefined ? -1 : compare(item, best);
    if (order < 0) {
      best = item;
      ties = 1;
    } else if (order === 0) {
      ties += 1;
      if (random() * ties < 1) best = item;
    }
  }
  return best;
};
