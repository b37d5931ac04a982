/**
 * Validates placement strategies and turns them into ranking keys. `random` ends the list: a
 * random order has no ties left for later strategies to break, so the ranking keeps the keys
 * before it and lets the seeded random tie-break choose among equals.
 */
import { invalidParameter } from '@berth/core';
import type { PlacementStrategy } from '@berth/wire/ecs';

export type CompiledStrategy =
  | { readonly kind: 'binpack'; readonly field: 'cpu' | 'memory' }
  | { readonly kind: 'spreadInstance' }
  | { readonly kind: 'spreadAttribute'; readonly attribute: string };

const compileOne = (strategy: PlacementStrategy): CompiledStrategy | 'random' => {
  const field = strategy.field ?? '';
  switch (strategy.type) {
    case 'random':
      return 'random';
    case 'binpack': {
      const lower = field.toLowerCase();
      if (lower === 'cpu' || lower === 'memory') return { kind: 'binpack', field: lower };
      throw invalidParameter(`Invalid binpack field '${field}': expected cpu or memory.`);
    }
    case 'spread': {
      const lower = field.toLowerCase();
      if (lower === 'instanceid' || lower === 'host') return { kind: 'spreadInstance' };
      if (lower.startsWith('attribute:') && field.length > 'attribute:'.length) {
        return { kind: 'spreadAttribute', attribute: field.slice('attribute:'.length) };
      }
      throw invalidParameter(
        `Invalid spread field '${field}': expected instanceId, host or attribute:<name>.`,
      );
    }
    default:
      throw invalidParameter(
        `Invalid placement strategy type '${String(strategy.type)}': expected random, spread or binpack.`,
      );
  }
};

/** Every strategy is validated; the keys stop at the first `random`. */
export const compileStrategies = (strategies: readonly PlacementStrategy[]): CompiledStrategy[] => {
  const compiled = strategies.map(compileOne);
  const firstRandom = compiled.indexOf('random');
  const ranked = firstRandom === -1 ? compiled : compiled.slice(0, firstRandom);
  return ranked.filter((strategy): strategy is CompiledStrategy => strategy !== 'random');
};
