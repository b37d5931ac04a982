import { describe, expect, it } from 'vitest';

import { instance, resources } from './placement.test-support.js';
import { rankForStop } from './rank-for-stop.js';

const tasksOn = (instanceId: string, count: number): { taskArn: string; instanceArn: string }[] =>
  Array.from({ length: count }, (_, i) => ({
    taskArn: `${instanceId}-t${i}`,
    instanceArn: instance(instanceId).arn,
  }));

describe('rankForStop', () => {
  it('binpack stops tasks on the instance with the most left first', () => {
    const instances = [
      instance('full', { remaining: resources({ memory: 100 }) }),
      instance('empty', { remaining: resources({ memory: 7000 }) }),
    ];
    const candidates = [...tasksOn('full', 2), ...tasksOn('empty', 2)];
    const order = rankForStop(candidates, instances, [{ type: 'binpack', field: 'memory' }], 'seed');
    expect(order.map((t) => t.taskArn.split('-')[0])).toEqual(['empty', 'empty', 'full', 'full']);
  });

  it('spread by zone takes from the most loaded zone, keeping zones balanced', () => {
    const instances = [
      instance('a1', { attributes: { 'ecs.availability-zone': 'a' } }),
      instance('a2', { attributes: { 'ecs.availability-zone': 'a' } }),
      instance('b1', { attributes: { 'ecs.availability-zone': 'b' } }),
    ];
    const candidates = [...tasksOn('a1', 2), ...tasksOn('a2', 2), ...tasksOn('b1', 2)];
    const order = rankForStop(
      candidates,
      instances,
      [{ type: 'spread', field: 'attribute:ecs.availability-zone' }],
      'seed',
    );
    const zones = order.map((t) => t.taskArn.slice(0, 1));
    // a has 4, b has 2: take two from a, then alternate.
    expect(zones.slice(0, 2)).toEqual(['a', 'a']);
    expect(zones.slice(2, 4).sort()).toEqual(['a', 'b']);
    expect(zones.slice(4, 6).sort()).toEqual(['a', 'b']);
  });

  it('spread by instance then takes from the busiest instance inside the zone', () => {
    const instances = [
      instance('a1', { attributes: { 'ecs.availability-zone': 'a' } }),
      instance('a2', { attributes: { 'ecs.availability-zone': 'a' } }),
    ];
    const candidates = [...tasksOn('a1', 3), ...tasksOn('a2', 1)];
    const order = rankForStop(
      candidates,
      instances,
      [
        { type: 'spread', field: 'attribute:ecs.availability-zone' },
        { type: 'spread', field: 'instanceId' },
      ],
      'seed',
    );
    expect(order.slice(0, 2).map((t) => t.taskArn.slice(0, 2))).toEqual(['a1', 'a1']);
  });

  it('stops tasks on unknown instances first, returns every candidate once, and is seeded', () => {
    const instances = [instance('a'), instance('b')];
    const candidates = [...tasksOn('a', 3), ...tasksOn('b', 3), ...tasksOn('gone', 1)];
    const order = rankForStop(candidates, instances, [], 'seed');
    expect(order[0]!.taskArn).toBe('gone-t0');
    expect([...order].sort((x, y) => x.taskArn.localeCompare(y.taskArn))).toEqual(
      [...candidates].sort((x, y) => x.taskArn.localeCompare(y.taskArn)),
    );
    expect(rankForStop(candidates, instances, [], 'seed')).toEqual(order);
    const orders = new Set(
      ['1', '2', '3', '4', '5'].map((s) => JSON.stringify(rankForStop(candidates, instances, [], s))),
    );
    expect(orders.size).toBeGreaterThan(1);
  });
});
