/** Builders and fast-check arbitraries for placement tests. */
import type { ResourceAmounts } from '@berth/core';
import fc from 'fast-check';

import type { PlacementInstance, PlacementRequest } from './placement-types.js';

export const resources = (overrides: Partial<ResourceAmounts> = {}): ResourceAmounts => ({
  cpu: 0,
  memory: 0,
  ports: [],
  portsUdp: [],
  ...overrides,
});

export const instance = (id: string, overrides: Partial<PlacementInstance> = {}): PlacementInstance => ({
  arn: `arn:aws:ecs:us-east-1:123456789012:container-instance/default/${id}`,
  ec2InstanceId: `i-${id}`,
  agentConnected: true,
  agentVersion: '1.80.0',
  registeredAt: 1_700_000_000,
  runningTasksCount: 0,
  attributes: {},
  taskGroups: {},
  status: 'ACTIVE',
  remaining: resources({ cpu: 4096, memory: 8192, ports: [22, 2375, 2376, 51678, 51679] }),
  ...overrides,
});

export const request = (overrides: Partial<PlacementRequest> = {}): PlacementRequest => ({
  count: 1,
  reservation: resources({ cpu: 256, memory: 512 }),
  group: 'family:web',
  constraints: [],
  strategies: [],
  seed: 'seed',
  ...overrides,
});

const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const GROUPS = ['family:web', 'service:api', 'database'];
const PORTS = [80, 443, 8080];

const portSubset = fc.subarray(PORTS);

export const arbitraryInstance = (index: number): fc.Arbitrary<PlacementInstance> =>
  fc
    .record({
      status: fc.constantFrom('ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'DRAINING', 'INACTIVE'),
      agentConnected: fc.constantFrom(true, true, true, true, true, false),
      zone: fc.option(fc.constantFrom(...ZONES), { nil: undefined, freq: 8 }),
      type: fc.constantFrom('t2.small', 'm5.large'),
      gpu: fc.boolean(),
      cpu: fc.integer({ min: 0, max: 8192 }),
      memory: fc.integer({ min: 0, max: 16384 }),
      ports: portSubset,
      portsUdp: portSubset,
      groups: fc.dictionary(fc.constantFrom(...GROUPS), fc.integer({ min: 0, max: 2 }), { maxKeys: 2 }),
    })
    .map((r): PlacementInstance =>
      instance(`i${index}`, {
        status: r.status,
        agentConnected: r.agentConnected,
        attributes: {
          'ecs.instance-type': r.type,
          ...(r.zone === undefined ? {} : { 'ecs.availability-zone': r.zone }),
          ...(r.gpu ? { gpu: undefined } : {}),
        },
        remaining: resources({ cpu: r.cpu, memory: r.memory, ports: r.ports, portsUdp: r.portsUdp }),
        taskGroups: r.groups,
        runningTasksCount: Object.values(r.groups).reduce((a, b) => a + b, 0),
      }),
    );

export const arbitraryInstances: fc.Arbitrary<PlacementInstance[]> = fc
  .integer({ min: 0, max: 16 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbitraryInstance(i))));

const arbitraryConstraint = fc.constantFrom(
  { type: 'distinctInstance' as const },
  { type: 'memberOf' as const, expression: 'attribute:ecs.availability-zone in [us-east-1a, us-east-1b]' },
  { type: 'memberOf' as const, expression: 'not(task:group == database)' },
  { type: 'memberOf' as const, expression: 'runningTasksCount < 4' },
  { type: 'memberOf' as const, expression: 'attribute:ecs.instance-type =~ t2.* or attribute:gpu exists' },
);

const arbitraryStrategy = fc.constantFrom(
  { type: 'binpack' as const, field: 'cpu' },
  { type: 'binpack' as const, field: 'memory' },
  { type: 'spread' as const, field: 'instanceId' },
  { type: 'spread' as const, field: 'attribute:ecs.availability-zone' },
  { type: 'random' as const },
);

export const arbitraryRequest: fc.Arbitrary<PlacementRequest> = fc.record({
  count: fc.integer({ min: 0, max: 15 }),
  reservation: fc
    .record({
      cpu: fc.integer({ min: 0, max: 1024 }),
      memory: fc.integer({ min: 0, max: 2048 }),
      ports: fc.subarray(PORTS, { maxLength: 1 }),
      portsUdp: fc.subarray(PORTS, { maxLength: 1 }),
    })
    .map((r) => resources(r)),
  group: fc.constantFrom(...GROUPS),
  constraints: fc.array(arbitraryConstraint, { maxLength: 2 }),
  strategies: fc.array(arbitraryStrategy, { maxLength: 3 }),
  requiredAttributes: fc.option(
    fc.subarray([{ name: 'gpu' }, { name: 'ecs.instance-type', value: 't2.small' }]),
    {
      nil: undefined,
    },
  ),
  seed: fc.string(),
  spreadCountGroup: fc.option(fc.constantFrom(...GROUPS), { nil: undefined }),
});
