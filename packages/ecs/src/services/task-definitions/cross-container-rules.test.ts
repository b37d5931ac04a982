import type { ContainerDefinition, RegisterTaskDefinitionRequest } from '@berth/wire/ecs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { hasCycle } from './cross-container-rules.js';
import { build, expectClientException } from './fixtures.test-support.js';

type Overrides = { [K in keyof ContainerDefinition]?: ContainerDefinition[K] | undefined };

const task = (containers: Overrides[], extra: Partial<RegisterTaskDefinitionRequest> = {}) =>
  ({
    family: 'app',
    containerDefinitions: containers.map((c, i) => ({ name: `c${i}`, image: 'busybox', memory: 64, ...c })),
    ...extra,
  }) as RegisterTaskDefinitionRequest;

describe('dependsOn', () => {
  it('names a container of the task (the stray " + " is ECS’s)', () => {
    expectClientException(
      task([{ name: 'app', dependsOn: [{ containerName: 'sidecar', condition: 'START' }] }]),
      "Cannot depend on container + 'sidecar' because it does not exist",
    );
  });

  it('COMPLETE and SUCCESS are not allowed on an essential dependency', () => {
    for (const condition of ['COMPLETE', 'SUCCESS'] as const) {
      expectClientException(
        task([{ name: 'app', dependsOn: [{ containerName: 'init', condition }] }, { name: 'init' }]),
        'A dependency container with SUCCESS or COMPLETE condition cannot be an essential container',
      );
      const ok = task([
        { name: 'app', dependsOn: [{ containerName: 'init', condition }] },
        { name: 'init', essential: false },
      ]);
      expect(() => build(ok)).not.toThrow();
    }
  });

  it('HEALTHY and START are allowed on essential dependencies', () => {
    const request = task([
      { name: 'app', dependsOn: [{ containerName: 'db', condition: 'HEALTHY' }] },
      { name: 'db', healthCheck: { command: ['CMD', 'pg_isready'] } },
    ]);
    expect(() => build(request)).not.toThrow();
  });

  it('has no cycles', () => {
    expectClientException(
      task([
        { name: 'a', dependsOn: [{ containerName: 'b', condition: 'START' }] },
        { name: 'b', dependsOn: [{ containerName: 'a', condition: 'START' }] },
      ]),
      'Container dependsOn should not have a cycle',
    );
    expectClientException(
      task([{ name: 'a', dependsOn: [{ containerName: 'a', condition: 'START' }] }]),
      'Container dependsOn should not have a cycle',
    );
  });
});

describe('links', () => {
  it('name a container of the task', () => {
    expectClientException(
      task([{ name: 'web', links: ['db:database'] }]),
      "Linked container 'db' does not exist.",
    );
    expect(() => build(task([{ name: 'web', links: ['db:database'] }, { name: 'db' }]))).not.toThrow();
  });

  it('have no cycles', () => {
    expectClientException(
      task([
        { name: 'a', links: ['b'] },
        { name: 'b', links: ['a'] },
      ]),
      'Container links should not have a cycle',
    );
  });
});

describe('volumes from other containers and mount points', () => {
  it('volumesFrom names a container of the task', () => {
    expectClientException(
      task([{ name: 'app', volumesFrom: [{ sourceContainer: 'data' }] }]),
      "Unknown container 'data'.",
    );
    expect(() =>
      build(task([{ name: 'app', volumesFrom: [{ sourceContainer: 'data' }] }, { name: 'data' }])),
    ).not.toThrow();
  });

  it('mountPoints name a task volume', () => {
    expectClientException(
      task([{ mountPoints: [{ sourceVolume: 'root-RO', containerPath: '/rootfs' }] }]),
      "Unknown volume 'root-RO'.",
    );
    expectClientException(task([{ mountPoints: [{ containerPath: '/data' }] }]), "Unknown volume 'null'.");
    const ok = task([{ mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }] }], {
      volumes: [{ name: 'data', host: { sourcePath: '/srv/data' } }],
    });
    expect(build(ok).containerDefinitions?.[0]?.mountPoints).toEqual([
      { sourceVolume: 'data', containerPath: '/data' },
    ]);
  });
});

describe('task-level budgets', () => {
  it('container cpu adds up to at most the task cpu', () => {
    expectClientException(
      task([{ cpu: 512 }, { cpu: 600 }], { cpu: '1024' }),
      "The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'.",
    );
    expect(() => build(task([{ cpu: 512 }, { cpu: 512 }], { cpu: '1024' }))).not.toThrow();
  });

  it('memoryReservation adds up to at most the task memory', () => {
    expectClientException(
      task(
        [
          { memory: undefined, memoryReservation: 300 },
          { memory: undefined, memoryReservation: 300 },
        ],
        { memory: '512' },
      ),
      "The sum of all container 'memoryReservation' values cannot be greater than the value of the task 'memory'.",
    );
  });
});

describe('hasCycle', () => {
  it('agrees with a topological sort on random graphs (property)', () => {
    const graphs = fc.array(fc.tuple(fc.nat(6), fc.nat(6)), { maxLength: 12 });
    fc.assert(
      fc.property(graphs, (pairs) => {
        const edges = new Map<string, string[]>();
        for (let n = 0; n <= 6; n++) edges.set(String(n), []);
        for (const [from, to] of pairs) edges.get(String(from))?.push(String(to));
        // Kahn's algorithm: acyclic iff every node can be removed.
        const indegree = new Map([...edges.keys()].map((k) => [k, 0]));
        for (const targets of edges.values())
          for (const t of targets) indegree.set(t, (indegree.get(t) ?? 0) + 1);
        const queue = [...indegree].filter(([, d]) => d === 0).map(([k]) => k);
        let removed = 0;
        while (queue.length > 0) {
          const node = queue.pop() ?? '';
          removed++;
          for (const t of edges.get(node) ?? []) {
            indegree.set(t, (indegree.get(t) ?? 0) - 1);
            if (indegree.get(t) === 0) queue.push(t);
          }
        }
        expect(hasCycle(edges)).toBe(removed !== edges.size);
      }),
    );
  });
});
