import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { serverName, type ServerPlan } from '../model/lb-model.js';
import { formatRuntimeCommand } from './runtime-command.js';
import { planServerSync } from './server-sync.js';
import { applyServerCommands } from './server-sync.test-support.js';
import type { ObservedServer } from './servers-state.js';

const backend = 'tg_abc';
const plan = (port: number, state: ServerPlan['state'] = 'ready', weight = 100): ServerPlan => ({
  name: serverName('127.0.0.1', port),
  address: '127.0.0.1',
  port,
  state,
  weight,
});
const observed = (p: ServerPlan): ObservedServer => ({
  backend,
  name: p.name,
  address: p.address,
  port: p.port,
  state: p.state,
  weight: p.weight,
  operationalState: 2,
  adminState: p.state === 'maint' ? 1 : p.state === 'drain' ? 8 : 0,
});

describe('planServerSync', () => {
  it('adds then enables new servers, since HAProxy adds them in maintenance', () => {
    const commands = planServerSync(backend, [], [plan(9001, 'ready', 50)]).map(formatRuntimeCommand);
    expect(commands).toEqual([
      'add server tg_abc/t_127_0_0_1_9001 127.0.0.1:9001 weight 50',
      'enable server tg_abc/t_127_0_0_1_9001',
    ]);
  });

  it('drains, puts in maintenance, shuts sessions and deletes removed servers, after the additions', () => {
    const commands = planServerSync(backend, [observed(plan(9001))], [plan(9002)]).map(formatRuntimeCommand);
    expect(commands).toEqual([
      'add server tg_abc/t_127_0_0_1_9002 127.0.0.1:9002 weight 100',
      'enable server tg_abc/t_127_0_0_1_9002',
      'set server tg_abc/t_127_0_0_1_9001 state drain',
      'set server tg_abc/t_127_0_0_1_9001 state maint',
      'shutdown sessions server tg_abc/t_127_0_0_1_9001',
      'del server tg_abc/t_127_0_0_1_9001',
    ]);
  });

  it('changes weights and states of kept servers, and nothing when they match', () => {
    const before = [observed(plan(9001)), observed(plan(9002, 'maint'))];
    const commands = planServerSync(backend, before, [plan(9001, 'drain', 7), plan(9002)]).map(
      formatRuntimeCommand,
    );
    expect(commands).toEqual([
      'set server tg_abc/t_127_0_0_1_9001 weight 7',
      'set server tg_abc/t_127_0_0_1_9001 state drain',
      'enable server tg_abc/t_127_0_0_1_9002',
    ]);
    expect(planServerSync(backend, before, [plan(9001), plan(9002, 'maint')])).toEqual([]);
  });

  it('the commands bring any observed backend to the plan, and a second diff is empty (property)', () => {
    const server = fc.record({
      port: fc.integer({ min: 9000, max: 9015 }),
      state: fc.constantFrom<ServerPlan['state']>('ready', 'drain', 'maint'),
      weight: fc.integer({ min: 1, max: 256 }),
    });
    const servers = fc.uniqueArray(server, { selector: (s) => s.port, maxLength: 8 });
    fc.assert(
      fc.property(servers, servers, (now, wanted) => {
        const before = now.map((s) => observed(plan(s.port, s.state, s.weight)));
        const desired = wanted.map((s) => plan(s.port, s.state, s.weight));
        const after = applyServerCommands(backend, before, planServerSync(backend, before, desired));
        const view = (list: readonly { name: string; state: string; weight: number; port: number }[]) =>
          list
            .map(({ name, state, weight, port }) => ({ name, state, weight, port }))
            .sort((a, b) => a.port - b.port);
        expect(view(after)).toEqual(view(desired));
        expect(planServerSync(backend, after, desired)).toEqual([]);
      }),
    );
  });

  it('refuses names and addresses that would inject commands', () => {
    expect(() =>
      formatRuntimeCommand({ kind: 'del-server', backend: 'tg_a; shutdown', server: 'x' }),
    ).toThrow(/invalid backend/);
    expect(() =>
      formatRuntimeCommand({
        kind: 'set-addr',
        backend: 'b',
        server: 's',
        address: '1.2.3.4 port 1',
        port: 80,
      }),
    ).toThrow(/invalid address/);
  });
});
