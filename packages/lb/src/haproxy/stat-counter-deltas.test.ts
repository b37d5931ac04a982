import { describe, expect, it } from 'vitest';
import fc from 'fast-check';

import { counterDelta, mergeStatDeltas, statDeltas, type StatSample } from './stat-counter-deltas.js';
import type { StatRow } from './stat-csv.js';

const row = (pxname: string, svname: string, req_tot: number, hrsp_2xx = 0, rtime = 0): StatRow => ({
  pxname,
  svname,
  type: svname === 'FRONTEND' ? 'frontend' : svname === 'BACKEND' ? 'backend' : 'server',
  status: 'UP',
  scur: 0,
  stot: req_tot,
  req_tot,
  hrsp_1xx: 0,
  hrsp_2xx,
  hrsp_3xx: 0,
  hrsp_4xx: 0,
  hrsp_5xx: 0,
  hrsp_other: 0,
  rtime,
  weight: 100,
  fields: {},
});

const sample = (workerPid: number | undefined, ...rows: StatRow[]): StatSample => ({ workerPid, rows });

describe('statDeltas', () => {
  it('reports nothing for the first sample (a baseline)', () => {
    expect(statDeltas(undefined, sample(7, row('ls_a', 'FRONTEND', 10)))).toBeUndefined();
  });

  it('subtracts the previous sample of the same worker, and passes rtime through', () => {
    const deltas = statDeltas(
      sample(7, row('ls_a', 'FRONTEND', 10, 8), row('tg_x', 't_1', 4, 4, 3)),
      sample(7, row('ls_a', 'FRONTEND', 25, 20), row('tg_x', 't_1', 9, 9, 12)),
    );
    expect(deltas?.map((d) => [d.pxname, d.svname, d.counts.req_tot, d.counts.hrsp_2xx, d.rtime])).toEqual([
      ['ls_a', 'FRONTEND', 15, 12, 0],
      ['tg_x', 't_1', 5, 5, 12],
    ]);
  });

  it('takes the whole value after a reload: another worker, a counter gone down, or a new row', () => {
    const before = sample(7, row('ls_a', 'FRONTEND', 100), row('tg_x', 't_1', 50));
    // New worker whose counters already passed the old ones: the pid tells it apart.
    expect(statDeltas(before, sample(8, row('ls_a', 'FRONTEND', 120)))?.[0]?.counts.req_tot).toBe(120);
    // Same (or unknown) pid but the counter went down: a restart.
    expect(statDeltas(before, sample(undefined, row('ls_a', 'FRONTEND', 3)))?.[0]?.counts.req_tot).toBe(3);
    // A server added since (after a sync): everything it counted is new.
    expect(statDeltas(before, sample(7, row('tg_x', 't_2', 6)))?.[0]?.counts.req_tot).toBe(6);
  });

  it('never reports a negative count, and the deltas add up to every request across reloads', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ requests: fc.nat(1000), reload: fc.boolean() }), {
          minLength: 1,
          maxLength: 30,
        }),
        (intervals) => {
          let pid = 1;
          let value = 0;
          let previous: StatSample | undefined = sample(pid, row('ls_a', 'FRONTEND', value));
          let reported = 0;
          let total = 0;
          for (const { requests, reload } of intervals) {
            if (reload) [pid, value] = [pid + 1, 0];
            value += requests;
            total += requests;
            const current = sample(pid, row('ls_a', 'FRONTEND', value));
            const delta = statDeltas(previous, current)?.[0]?.counts.req_tot ?? -1;
            expect(delta).toBeGreaterThanOrEqual(0);
            reported += delta;
            previous = current;
          }
          expect(reported).toBe(total);
        },
      ),
    );
  });

  it('counterDelta: an increase, or the new value after a decrease', () => {
    expect(counterDelta(undefined, 5)).toBe(5);
    expect(counterDelta(5, 9)).toBe(4);
    expect(counterDelta(9, 2)).toBe(2);
  });

  it('merges two intervals: counts add up, rtime is weighted by requests', () => {
    const beforeReload = statDeltas(
      sample(7, row('tg_x', 't_1', 0), row('tg_x', 't_2', 0)),
      sample(7, row('tg_x', 't_1', 3, 3, 100), row('tg_x', 't_2', 2, 2, 10)),
    );
    const afterReload = statDeltas(
      sample(7, row('tg_x', 't_1', 3, 3, 100)),
      sample(8, row('tg_x', 't_1', 1, 1, 20), row('tg_x', 't_3', 4, 4, 5)),
    );
    const merged = mergeStatDeltas(beforeReload ?? [], afterReload ?? []);
    expect(merged.map((d) => [d.svname, d.counts.req_tot, d.counts.hrsp_2xx, d.rtime])).toEqual([
      ['t_1', 4, 4, (3 * 100 + 1 * 20) / 4],
      ['t_2', 2, 2, 10],
      ['t_3', 4, 4, 5],
    ]);
  });
});
