import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { ListenerPlan } from '../model/lb-model.js';
import { renderRuleAction } from './rule-actions.js';

const listener: ListenerPlan = { id: 'l', bindAddress: '127.0.0.1', port: 80, protocol: 'HTTP', rules: [] };
const ids = ['a', 'b', 'c', 'd'];

describe('weighted forward', () => {
  it('splits rand(<sum>) into contiguous ranges, one per group with weight > 0', () => {
    const groups = fc.uniqueArray(
      fc.record({ id: fc.constantFrom(...ids), weight: fc.integer({ min: 0, max: 999 }) }),
      { minLength: 1, maxLength: 4, selector: (g) => g.id },
    );
    fc.assert(
      fc.property(groups, (targetGroups) => {
        const lines = renderRuleAction(3, { type: 'forward', targetGroups }, listener, new Set(ids));
        const live = targetGroups.filter((g) => g.weight > 0);
        if (live.length === 0) return lines.join('\n').includes('deny deny_status 503');
        const picks = lines.flatMap((line) => [...line.matchAll(/str\(tg_(\w+)\)/g)].map((m) => m[1]));
        expect(picks).toEqual(live.map((g) => g.id));
        if (live.length === 1) return true;
        const sum = live.reduce((s, g) => s + g.weight, 0);
        expect(lines.join('\n')).toContain(`rand(${sum})`);
        const ranges = lines.flatMap((line) =>
          [...line.matchAll(/-m int (\d+):(\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]),
        );
        let next = 0;
        for (const [[low, high], group] of ranges.map((r, i) => [r, live[i]] as const)) {
          expect(low).toBe(next);
          expect(high! - low! + 1).toBe(group?.weight);
          next = high! + 1;
        }
        return next === sum;
      }),
    );
  });
});
