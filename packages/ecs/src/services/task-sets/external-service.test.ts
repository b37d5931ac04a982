import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { RunningControlPlane } from '../../test-support/unit.test-support.js';
import { apiErrorOf } from '../../test-support/unit.test-support.js';

import { NETWORK, partition, startTaskSetPlane } from './task-set-fixtures.test-support.js';

let plane: RunningControlPlane;

beforeEach(async () => {
  plane = await startTaskSetPlane(2);
});

afterEach(async () => {
  await plane.close();
});

const createExternal =
  (overrides: Record<string, unknown> = {}) =>
  () =>
    plane.services.ecsServices.create(partition, {
      cluster: 'c',
      serviceName: 'x',
      deploymentController: { type: 'EXTERNAL' },
      ...overrides,
    });

describe('CreateService with the EXTERNAL deployment controller', () => {
  it('needs only a name: no task definition, no deployments, an empty taskSets', () => {
    const service = createExternal({ tags: [{ key: 'k', value: 'v' }] })();
    expect(service).toMatchObject({
      serviceName: 'x',
      status: 'ACTIVE',
      desiredCount: 0,
      runningCount: 0,
      pendingCount: 0,
      deploymentController: { type: 'EXTERNAL' },
      schedulingStrategy: 'REPLICA',
      taskSets: [],
      tags: [{ key: 'k', value: 'v' }],
    });
    expect(service.deployments).toBeUndefined();
    expect(service.taskDefinition).toBeUndefined();
    expect(service.launchType).toBeUndefined();
    expect(plane.services.ecsServices.list(partition, { cluster: 'c' }).items).toContain(service.serviceArn);
  });

  it('refuses the parameters that belong to task sets, as ECS does', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ taskDefinition: 'web' }, 'TaskDefinition must be blank.'],
      [{ taskDefinition: '' }, 'Family should not be null or empty.'],
      [{ networkConfiguration: NETWORK }, 'NetworkConfiguration must be null.'],
      [{ launchType: 'EC2' }, 'LaunchType must be blank.'],
      [{ platformVersion: 'LATEST' }, 'PlatformVersion must be blank.'],
      [
        { capacityProviderStrategy: [{ capacityProvider: 'FARGATE' }] },
        'CapacityProviderStrategy must be null.',
      ],
      [{ loadBalancers: [{ targetGroupArn: 'tg' }] }, 'LoadBalancers must be null.'],
      [{ serviceRegistries: [{ registryArn: 'r' }] }, 'ServiceRegistries must be null.'],
      [
        { schedulingStrategy: 'DAEMON' },
        'Services using the EXTERNAL deployment controller support only the REPLICA scheduling strategy.',
      ],
      [
        { deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: false } } },
        'The deployment circuit breaker can only be used for services using the rolling update (ECS) deployment type.',
      ],
    ];
    for (const [overrides, message] of cases) {
      expect(apiErrorOf(createExternal(overrides))).toBe(`InvalidParameterException: ${message}`);
    }
    expect(apiErrorOf(createExternal({ serviceName: 's' }))).toBe(
      'InvalidParameterException: Creation of service was not idempotent.',
    );
    expect(
      apiErrorOf(() =>
        plane.services.ecsServices.create(partition, {
          cluster: 'c',
          serviceName: 'cd',
          taskDefinition: 'web',
          desiredCount: 1,
          deploymentController: { type: 'CODE_DEPLOY' },
        }),
      ),
    ).toBe(
      'UnsupportedFeatureException: Berth supports the ECS and EXTERNAL deployment controllers, not CODE_DEPLOY.',
    );
  });
});

describe('UpdateService and DeleteService of an EXTERNAL service', () => {
  it('updates only what ECS lets an EXTERNAL service change', () => {
    const update = (overrides: Record<string, unknown>) => () =>
      plane.services.ecsServices.update(partition, { cluster: 'c', service: 's', ...overrides });
    expect(
      update({
        desiredCount: 6,
        healthCheckGracePeriodSeconds: 30,
        propagateTags: 'SERVICE',
        enableECSManagedTags: true,
        placementStrategy: [{ type: 'binpack', field: 'memory' }],
      })(),
    ).toMatchObject({
      desiredCount: 6,
      healthCheckGracePeriodSeconds: 30,
      propagateTags: 'SERVICE',
      enableECSManagedTags: true,
      placementStrategy: [{ type: 'binpack', field: 'memory' }],
      taskSets: [],
    });
    const suffix =
      ' on services with a EXTERNAL deployment controller. Use CreateTaskSet to create a task set with the new value.';
    expect(apiErrorOf(update({ taskDefinition: 'web' }))).toBe(
      `InvalidParameterException: Unable to update task definition${suffix}`,
    );
    expect(apiErrorOf(update({ networkConfiguration: NETWORK }))).toBe(
      `InvalidParameterException: Unable to update network configuration${suffix}`,
    );
    expect(apiErrorOf(update({ forceNewDeployment: true }))).toBe(
      `InvalidParameterException: Unable to update the deployment (forceNewDeployment)${suffix}`,
    );
    expect(apiErrorOf(update({ deploymentConfiguration: { maximumPercent: 150 } }))).toBe(
      'InvalidParameterException: Unable to update deployment configuration on services with a EXTERNAL deployment controller.',
    );
  });

  it('deletes like any service: scaled to 0 or forced; its task sets drain', () => {
    const { ecsServices, taskSets } = plane.services;
    const taskSet = taskSets.create(partition, { cluster: 'c', service: 's', taskDefinition: 'web' });
    expect(apiErrorOf(() => ecsServices.delete(partition, 'c', 's', false))).toBe(
      'InvalidParameterException: The service cannot be stopped while it is scaled above 0.',
    );
    const deleted = ecsServices.delete(partition, 'c', 's', true);
    expect(deleted).toMatchObject({ status: 'DRAINING', desiredCount: 0 });
    expect(deleted.taskSets?.map((t) => [t.id, t.status])).toEqual([[taskSet.id, 'DRAINING']]);
    expect(
      apiErrorOf(() => taskSets.create(partition, { cluster: 'c', service: 's', taskDefinition: 'web' })),
    ).toBe('ServiceNotActiveException: Service was not ACTIVE.');
  });
});
