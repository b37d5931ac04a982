import { ApiError } from '@berth/core';
import { describe, expect, it } from 'vitest';

import { placeTasks } from './place-tasks.js';
import { instance, request, resources } from './placement.test-support.js';
import type { PlacementInstance } from './placement-types.js';

const idOf = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);
const placedOn = (result: { placements: readonly { instanceArn: string }[] }): string[] =>
  result.placements.map((p) => idOf(p.instanceArn));
const withMemory = (id: string, memory: number, extra: Partial<PlacementInstance> = {}): PlacementInstance =>
  instance(id, { remaining: resources({ cpu: 4096, memory }), ...extra });
const zoned = (id: string, zone: string, extra: Partial<PlacementInstance> = {}): PlacementInstance =>
  instance(id, { attributes: { 'ecs.availability-zone': zone }, ...extra });

describe('placeTasks', () => {
  it('binpack(memory) fills the fullest instance that fits, then the next', () => {
    const instances = [withMemory('roomy', 4096), withMemory('tight', 1024), withMemory('full', 256)];
    const result = placeTasks(
      request({ count: 3, strategies: [{ type: 'binpack', field: 'memory' }] }),
      instances,
    );
    expect(placedOn(result)).toEqual(['tight', 'tight', 'roomy']);
    expect(result.failures).toEqual([]);
  });

  it('binpack(cpu) ranks by cpu left', () => {
    const instances = [
      instance('a', { remaining: resources({ cpu: 1024, memory: 100 }) }),
      instance('b', { remaining: resources({ cpu: 512, memory: 9000 }) }),
    ];
    const result = placeTasks(
      request({
        reservation: resources({ cpu: 256, memory: 50 }),
        strategies: [{ type: 'binpack', field: 'CPU' }],
      }),
      instances,
    );
    expect(placedOn(result)).toEqual(['b']);
  });

  it('spread(attribute:ecs.availability-zone) alternates zones', () => {
    const instances = [zoned('a1', 'us-east-1a'), zoned('a2', 'us-east-1a'), zoned('b1', 'us-east-1b')];
    const result = placeTasks(
      request({ count: 4, strategies: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }] }),
      instances,
    );
    const zones = placedOn(result).map((id) => id.slice(0, 1));
    expect(zones.slice(0, 2).sort()).toEqual(['a', 'b']);
    expect(zones.slice(2, 4).sort()).toEqual(['a', 'b']);
  });

  it('spread counts existing tasks of the spread group, whatever instance they run on', () => {
    const instances = [
      zoned('a1', 'us-east-1a', { taskGroups: { 'service:api': 2 } }),
      zoned('b1', 'us-east-1b', { taskGroups: { 'family:web': 5 } }),
    ];
    const spread = [{ type: 'spread' as const, field: 'attribute:ecs.availability-zone' }];
    const byService = placeTasks(
      request({ count: 2, group: 'family:web', spreadCountGroup: 'service:api', strategies: spread }),
      instances,
    );
    expect(placedOn(byService)).toEqual(['b1', 'b1']);
    const byGroup = placeTasks(request({ count: 1, group: 'family:web', strategies: spread }), instances);
    expect(placedOn(byGroup)).toEqual(['a1']);
  });

  it('spread(instanceId) then binpack(memory) breaks ties in order', () => {
    const instances = [withMemory('big', 8000), withMemory('small', 2000), withMemory('mid', 4000)];
    const result = placeTasks(
      request({
        count: 4,
        strategies: [
          { type: 'spread', field: 'instanceId' },
          { type: 'binpack', field: 'memory' },
        ],
      }),
      instances,
    );
    expect(placedOn(result)).toEqual(['small', 'mid', 'big', 'small']);
  });

  it('random (and no strategy) choose by seed, repeatably', () => {
    const instances = Array.from({ length: 8 }, (_, i) => instance(`i${i}`));
    const choices = new Set<string>();
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      const first = placeTasks(request({ seed, strategies: [{ type: 'random' }] }), instances);
      expect(placeTasks(request({ seed, strategies: [{ type: 'random' }] }), instances)).toEqual(first);
      choices.add(placedOn(first)[0]!);
      choices.add(placedOn(placeTasks(request({ seed }), instances))[0]!);
    }
    expect(choices.size).toBeGreaterThan(2);
  });

  it('memberOf routes tasks to matching instances only', () => {
    const instances = [
      instance('small', { attributes: { 'ecs.instance-type': 't2.small' } }),
      instance('gpu', { attributes: { 'ecs.instance-type': 'g2.2xlarge' } }),
    ];
    const result = placeTasks(
      request({
        count: 3,
        constraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ g2.*' }],
      }),
      instances,
    );
    expect(placedOn(result)).toEqual(['gpu', 'gpu', 'gpu']);
  });

  it('task:group anti-affinity holds among the tasks placed in the same call', () => {
    const instances = [instance('a'), instance('b'), instance('c', { taskGroups: { database: 1 } })];
    const result = placeTasks(
      request({
        count: 3,
        group: 'database',
        constraints: [{ type: 'memberOf', expression: 'not(task:group == database)' }],
      }),
      instances,
    );
    expect(placedOn(result).sort()).toEqual(['a', 'b']);
    expect(result.failures.map((f) => [idOf(f.arn), f.reason])).toEqual([
      ['a', 'ATTRIBUTE'],
      ['b', 'ATTRIBUTE'],
      ['c', 'ATTRIBUTE'],
    ]);
  });

  it('distinctInstance also avoids instances already running the group', () => {
    const instances = [instance('a', { taskGroups: { 'family:web': 1 } }), instance('b'), instance('c')];
    const result = placeTasks(request({ count: 3, constraints: [{ type: 'distinctInstance' }] }), instances);
    expect(placedOn(result).sort()).toEqual(['b', 'c']);
    expect(result.failures.every((f) => f.reason === 'ATTRIBUTE')).toBe(true);
  });

  it('runningTasksCount constraints see the tasks placed so far', () => {
    const result = placeTasks(
      request({ count: 5, constraints: [{ type: 'memberOf', expression: 'runningTasksCount < 2' }] }),
      [instance('a'), instance('b', { runningTasksCount: 1 })],
    );
    expect(placedOn(result).sort()).toEqual(['a', 'a', 'b']);
  });

  it('reports RESOURCE:MEMORY when nothing has the memory', () => {
    const result = placeTasks(request({ reservation: resources({ memory: 4096 }) }), [
      withMemory('a', 1024),
      withMemory('b', 2048),
    ]);
    expect(result.placements).toEqual([]);
    expect(result.failures).toEqual([
      { arn: instance('a').arn, reason: 'RESOURCE:MEMORY' },
      { arn: instance('b').arn, reason: 'RESOURCE:MEMORY' },
    ]);
  });

  it('places what fits and reports why the rest did not', () => {
    const result = placeTasks(request({ count: 5, reservation: resources({ cpu: 1024, memory: 1 }) }), [
      instance('a', { remaining: resources({ cpu: 2048, memory: 100 }) }),
    ]);
    expect(result.placements).toHaveLength(2);
    expect(result.failures).toEqual([{ arn: instance('a').arn, reason: 'RESOURCE:CPU' }]);
  });

  it('books static host ports: taken ports conflict, and one task per port per instance', () => {
    const reservation = resources({ ports: [80], portsUdp: [53] });
    const tcp = placeTasks(request({ count: 3, reservation }), [
      instance('a', { remaining: resources({ cpu: 99, memory: 99, ports: [22, 80] }) }),
      instance('b', { remaining: resources({ cpu: 99, memory: 99, ports: [22] }) }),
    ]);
    expect(placedOn(tcp)).toEqual(['b']);
    expect(tcp.failures.map((f) => [idOf(f.arn), f.reason])).toEqual([
      ['a', 'RESOURCE:PORTS'],
      ['b', 'RESOURCE:PORTS'],
    ]);
    const udp = placeTasks(request({ reservation }), [
      instance('a', { remaining: resources({ cpu: 99, memory: 99, portsUdp: [53] }) }),
    ]);
    expect(udp.failures).toEqual([{ arn: instance('a').arn, reason: 'RESOURCE:PORTS_UDP' }]);
  });

  it('reports the first reason in ECS order and skips draining instances silently', () => {
    const everythingWrong = { remaining: resources(), attributes: {} };
    const result = placeTasks(
      request({
        reservation: resources({ cpu: 10, memory: 10 }),
        requiredAttributes: [{ name: 'ecs.capability.task-eni' }],
      }),
      [
        instance('inactive', { status: 'INACTIVE', agentConnected: false, ...everythingWrong }),
        instance('draining', { status: 'DRAINING', ...everythingWrong }),
        instance('agent', { agentConnected: false, ...everythingWrong }),
        instance('attribute', everythingWrong),
        instance('cpu', { ...everythingWrong, attributes: { 'ecs.capability.task-eni': undefined } }),
        instance('cpu', { ...everythingWrong, attributes: { 'ecs.capability.task-eni': undefined } }),
        instance('memory', {
          attributes: { 'ecs.capability.task-eni': undefined },
          remaining: resources({ cpu: 10, memory: 9 }),
        }),
      ],
    );
    expect(result.failures.map((f) => [idOf(f.arn), f.reason])).toEqual([
      ['inactive', 'INACTIVE'],
      ['agent', 'AGENT'],
      ['attribute', 'ATTRIBUTE'],
      ['cpu', 'RESOURCE:CPU'],
      ['memory', 'RESOURCE:MEMORY'],
    ]);
  });

  it('matches required attribute values exactly', () => {
    const instances = [
      instance('arm', { attributes: { 'ecs.cpu-architecture': 'arm64' } }),
      instance('x86', { attributes: { 'ecs.cpu-architecture': 'x86_64' } }),
    ];
    const result = placeTasks(
      request({ count: 2, requiredAttributes: [{ name: 'ecs.cpu-architecture', value: 'arm64' }] }),
      instances,
    );
    expect(placedOn(result)).toEqual(['arm', 'arm']);
  });

  it('places nothing and reports nothing without instances or tasks', () => {
    expect(placeTasks(request({ count: 3 }), [])).toEqual({ placements: [], failures: [] });
    expect(placeTasks(request({ count: 0 }), [instance('a')])).toEqual({ placements: [], failures: [] });
  });

  it('rejects invalid constraints, strategies and counts with InvalidParameterException', () => {
    const invalid = [
      request({ constraints: [{ type: 'memberOf' }] }),
      request({ constraints: [{ type: 'memberOf', expression: 'attribute:x ==' }] }),
      request({ constraints: [{ type: 'distinctInstance', expression: 'attribute:x exists' }] }),
      request({ constraints: [{}] }),
      request({ strategies: [{ type: 'binpack', field: 'disk' }] }),
      request({ strategies: [{ type: 'spread', field: 'zone' }] }),
      request({ strategies: [{ type: 'spread', field: 'attribute:' }] }),
      request({ strategies: [{}] }),
      request({ count: -1 }),
      request({ count: 1.5 }),
    ];
    for (const bad of invalid) {
      expect(() => placeTasks(bad, [instance('a')])).toThrow(ApiError);
      try {
        placeTasks(bad, [instance('a')]);
      } catch (error) {
        expect((error as ApiError).code).toBe('InvalidParameterException');
      }
    }
  });
});
