import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { routableServers } from './routable-servers.js';
import type { TargetHealthState } from './target-health-state.js';

const states: TargetHealthState[] = ['initial', 'healthy', 'unhealthy', 'draining', 'unused'];

describe('routableServers', () => {
  it('routes only healthy targets while one is healthy', () => {
    const decision = routableServers([
      { targetKey: 'a', state: 'healthy' },
      { targetKey: 'b', state: 'initial' },
      { targetKey: 'c', state: 'unhealthy' },
      { targetKey: 'd', state: 'draining' },
    ]);
    expect(decision.failingOpen).toBe(false);
    expect([...decision.serverStates]).toEqual([
      ['a', 'ready'],
      ['b', 'maint'],
      ['c', 'maint'],
      ['d', 'drain'],
    ]);
  });

  it('fails open when no target is healthy, but never to draining or unused ones', () => {
    const decision = routableServers([
      { targetKey: 'a', state: 'unhealthy' },
      { targetKey: 'b', state: 'initial' },
      { targetKey: 'c', state: 'draining' },
      { targetKey: 'd', state: 'unused' },
    ]);
    expect(decision.failingOpen).toBe(true);
    expect(Object.fromEntries(decision.serverStates)).toEqual({
      a: 'ready',
      b: 'ready',
      c: 'drain',
      d: 'maint',
    });
  });

  it('honours a minimum healthy count above one', () => {
    const targets = [
      { targetKey: 'a', state: 'healthy' as const },
      { targetKey: 'b', state: 'unhealthy' as const },
    ];
    expect(routableServers(targets, 2).failingOpen).toBe(true);
    expect(routableServers(targets, 1).failingOpen).toBe(false);
  });

  it('some target is routable whenever one is registered and not draining (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...states), { maxLength: 12 }), (list) => {
        const targets = list.map((state, i) => ({ targetKey: `t${i}`, state }));
        const decision = routableServers(targets);
        const ready = [...decision.serverStates.values()].filter((s) => s === 'ready').length;
        const active = list.filter((s) => s !== 'draining' && s !== 'unused').length;
        expect(ready > 0).toBe(active > 0);
        targets.forEach((t) => {
          if (t.state === 'draining') expect(decision.serverStates.get(t.targetKey)).toBe('drain');
          if (!decision.failingOpen && t.state !== 'healthy')
            expect(decision.serverStates.get(t.targetKey)).not.toBe('ready');
        });
      }),
    );
  });
});
