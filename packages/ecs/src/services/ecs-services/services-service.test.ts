import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { toWireResources } from '@berth/core';

import { apiErrorOf, UNIT_PARTITION, startUnitControlPlane } from '../../test-support/unit.test-support.js';
import type { RunningControlPlane } from '../../test-support/unit.test-support.js';

const partition = UNIT_PARTITION;
let plane: RunningControlPlane;

const waitFor = async (check: () => boolean): Promise<void> => {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

beforeEach(async () => {
  plane = await startUnitControlPlane();
  const { services } = plane;
  services.clusters.create(partition, { clusterName: 'c' });
  for (const zone of ['us-east-1a', 'us-east-1b']) {
    services.containerInstances.register(partition, {
      cluster: 'c',
      totalResources: toWireResources({ cpu: 2048, memory: 1024, ports: [], portsUdp: [] }),
      attributes: [{ name: 'ecs.availability-zone', value: zone }],
    });
  }
  services.taskDefinitions.register(
    partition,
    { family: 'web', containerDefinitions: [{ name: 'web', image: 'x', memory: 128 }] },
    'unit',
  );
});

afterEach(async () => {
  await plane.close();
});

describe('services', () => {
  it('places a new service’s tasks across zones through the controller', async () => {
    const { ecsServices } = plane.services;
    ecsServices.create(partition, { cluster: 'c', serviceName: 's', taskDefinition: 'web', desiredCount: 4 });
    await waitFor(() => plane.store.list('task').length === 4);
    const tasks = plane.store.list<{
      task: { availabilityZone?: string; group?: string; startedBy?: string };
    }>('task');
    const zones = tasks.map((t) => t.task.availabilityZone).sort();
    expect(zones).toEqual(['us-east-1a', 'us-east-1a', 'us-east-1b', 'us-east-1b']);
    expect(new Set(tasks.map((t) => t.task.group))).toEqual(new Set(['service:s']));
    const service = ecsServices.describe(partition, 'c', ['s'], []).services[0];
    expect(service?.pendingCount).toBe(4);
    expect(service?.events?.[0]?.message).toMatch(/^\(service s\) has started 4 tasks: /);
  });

  it('posts a placement failure event when nothing fits', async () => {
    const { ecsServices } = plane.services;
    ecsServices.create(partition, {
      cluster: 'c',
      serviceName: 'big',
      taskDefinition: 'web',
      desiredCount: 20,
    });
    await waitFor(
      () => (ecsServices.describe(partition, 'c', ['big'], []).services[0]?.events?.length ?? 0) >= 2,
    );
    const messages = (ecsServices.describe(partition, 'c', ['big'], []).services[0]?.events ?? []).map(
      (e) => e.message,
    );
    expect(messages.join('\n')).toContain(
      '(service big) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance',
    );
    expect(messages.join('\n')).toContain('has insufficient memory available');
  });

  it('answers bad input with ECS errors', () => {
    const { ecsServices } = plane.services;
    expect(
      apiErrorOf(() =>
        ecsServices.create(partition, { cluster: 'c', serviceName: 's', taskDefinition: 'web' }),
      ),
    ).toBe('InvalidParameterException: desiredCount is required for the REPLICA scheduling strategy.');
    expect(
      apiErrorOf(() =>
        ecsServices.create(partition, {
          cluster: 'nope',
          serviceName: 's',
          taskDefinition: 'web',
          desiredCount: 1,
        }),
      ),
    ).toBe('ClusterNotFoundException: Cluster not found.');
    ecsServices.create(partition, { cluster: 'c', serviceName: 's', taskDefinition: 'web', desiredCount: 1 });
    expect(
      apiErrorOf(() =>
        ecsServices.create(partition, {
          cluster: 'c',
          serviceName: 's',
          taskDefinition: 'web',
          desiredCount: 1,
        }),
      ),
    ).toBe('InvalidParameterException: Creation of service was not idempotent.');
    expect(apiErrorOf(() => ecsServices.delete(partition, 'c', 's', false))).toBe(
      'InvalidParameterException: The service cannot be stopped while it is scaled above 0.',
    );
    expect(
      apiErrorOf(() => ecsServices.update(partition, { cluster: 'c', service: 'ghost', desiredCount: 1 })),
    ).toBe('ServiceNotFoundException: Service not found.');
    expect(
      apiErrorOf(() =>
        ecsServices.create(partition, {
          cluster: 'c',
          serviceName: 'd',
          taskDefinition: 'web',
          schedulingStrategy: 'DAEMON',
          placementStrategy: [{ type: 'spread', field: 'instanceId' }],
        }),
      ),
    ).toBe(
      'InvalidParameterException: Placement strategies are not supported with the DAEMON scheduling strategy.',
    );
    expect(
      apiErrorOf(() =>
        ecsServices.create(partition, {
          cluster: 'c',
          serviceName: 'lb',
          taskDefinition: 'web',
          desiredCount: 1,
          loadBalancers: [
            { targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/t/1' },
          ],
        }),
      ),
    ).toBe('UnsupportedFeatureException: This Berth server runs without Elastic Load Balancing.');
  });

  it('a desiredCount-only update edits the PRIMARY; a new task definition makes a new deployment', () => {
    const { ecsServices, taskDefinitions } = plane.services;
    const created = ecsServices.create(partition, {
      cluster: 'c',
      serviceName: 's',
      taskDefinition: 'web',
      desiredCount: 1,
    });
    const scaled = ecsServices.update(partition, { cluster: 'c', service: 's', desiredCount: 3 });
    expect(scaled.deployments?.map((d) => [d.id, d.desiredCount])).toEqual([
      [created.deployments?.[0]?.id, 3],
    ]);
    taskDefinitions.register(
      partition,
      { family: 'web', containerDefinitions: [{ name: 'web', image: 'y', memory: 128 }] },
      'unit',
    );
    const rolled = ecsServices.update(partition, { cluster: 'c', service: 's', taskDefinition: 'web:2' });
    expect(rolled.deployments?.map((d) => d.status)).toEqual(['PRIMARY', 'ACTIVE']);
    expect(rolled.deployments?.[0]?.id).toMatch(/^ecs-svc\/\d{19}$/);
    expect(rolled.taskDefinition).toBe('arn:aws:ecs:us-east-1:000000000000:task-definition/web:2');
  });
});
