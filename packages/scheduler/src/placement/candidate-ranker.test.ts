import { describe, expect, it } from 'vitest';

import { seededRandom } from '../random/seeded-random.js';
import { CandidateRanker } from './candidate-ranker.js';
import { createInstanceState } from './instance-state.js';
import { instance, resources } from './placement.test-support.js';

const states = (memories: number[]) =>
  memories.map((memory, i) =>
    createInstanceState(instance(`m${memory}-${i}`, { remaining: resources({ memory }) }), i, 'g'),
  );

describe('CandidateRanker', () => {
  it('picks the lowest key and draws uniformly among ties', () => {
    const candidates = states([100, 50, 50, 50, 900]);
    const ranker = new CandidateRanker([{ kind: 'binpack', field: 'memory' }], candidates);
    const random = seededRandom('r');
    const picks = new Map<number, number>();
    for (let i = 0; i < 3000; i++) {
      const chosen = ranker.choose(candidates, random)!;
      picks.set(chosen.index, (picks.get(chosen.index) ?? 0) + 1);
    }
    expect([...picks.keys()].sort()).toEqual([1, 2, 3]);
    for (const count of picks.values()) expect(count).toBeGreaterThan(850);
  });

  it('chooses among all candidates without strategies, and nothing from none', () => {
    const candidates = states([1, 2, 3]);
    const ranker = new CandidateRanker([], candidates);
    const random = seededRandom('r');
    const seen = new Set(Array.from({ length: 100 }, () => ranker.choose(candidates, random)!.index));
    expect(seen).toEqual(new Set([0, 1, 2]));
    expect(ranker.choose([], random)).toBeUndefined();
  });
});
