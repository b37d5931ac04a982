import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { toWireResources } from '@berth/core';

import type { RunningControlPlane } from '../../test-support/unit.test-support.js';
import { apiErrorOf, UNIT_PARTITION, startUnitControlPlane } from '../../test-support/unit.test-support.js';
import { KIND, placedOn, type TaskRecord } from '../records.js';

import { describeServiceDeployments, listServiceDeployments } from './service-deployment-queries.js';

const partition = UNIT_PARTITION;
const NET_A = { awsvpcConfiguration: { subnets: ['subnet-a'] } };
const NET_B = { awsvpcConfiguration: { subnets: ['subnet-b'] } };
const TD = (revision: number): string => `arn:aws:ecs:us-east-1:000000000000:task-definition/net:${revision}`;
let plane: RunningControlPlane;
let clock = 1_700_000_000_000;

const waitFor = async (check: () => boolean): Promise<void> => {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

/** Plays the agent: live tasks (of one task definition, if given) report RUNNING, stopping ones STOPPED. */
const agentStep = (running: 'RUNNING' | 'FAIL', taskDefinitionArn?: string): void => {
  const { agentLink } = plane.services;
  for (const t of plane.store.list<TaskRecord>(KIND.task)) {
    if (t.task.lastStatus === 'STOPPED') continue;
    const stopping = t.task.desiredStatus === 'STOPPED';
    if (!stopping && taskDefinitionArn !== undefined && t.task.taskDefinitionArn !== taskDefinitionArn)
      continue;
    if (!stopping && t.task.lastStatus === 'RUNNING') continue;
    const status = stopping || running === 'FAIL' ? 'STOPPED' : 'RUNNING';
    agentLink.report(partition, {
      containerInstanceArn: placedOn(t) ?? '',
      tasks: [
        {
          cluster: t.clusterArn,
          task: t.task.taskArn ?? '',
          status,
          containers: [{ containerName: 'web', status }],
          ...(!stopping && running === 'FAIL' ? { stopCode: 'TaskFailedToStart' as const } : {}),
        },
      ],
    });
  }
};

const service = () => plane.services.ecsServices.describe(partition, 'c', ['s'], []).services[0];
const entries = () => listServiceDeployments(plane.store, partition, { cluster: 'c', service: 's' }).items;
const entry = (arn: string) =>
  describeServiceDeployments(plane.store, partition, [arn]).serviceDeployments[0];
/** Nudges the controller (a write to the service) after the clock moved. */
const nudge = (): void => {
  plane.services.ecsServices.update(partition, { cluster: 'c', service: 's' });
};

beforeEach(async () => {
  clock = 1_700_000_000_000;
  plane = await startUnitControlPlane({ now: () => clock });
  const { clusters, containerInstances, taskDefinitions, ecsServices } = plane.services;
  clusters.create(partition, { clusterName: 'c' });
  for (const image of ['one', 'two']) {
    taskDefinitions.register(
      partition,
      { family: 'net', networkMode: 'awsvpc', containerDefinitions: [{ name: 'web', image, memory: 64 }] },
      'unit',
    );
  }
  containerInstances.register(partition, {
    cluster: 'c',
    totalResources: toWireResources({ cpu: 4096, memory: 4096, ports: [], portsUdp: [] }),
    attributes: taskDefinitions.describe(partition, 'net:1', []).taskDefinition.requiresAttributes ?? [],
  });
  ecsServices.create(partition, {
    cluster: 'c',
    serviceName: 's',
    taskDefinition: 'net:1',
    desiredCount: 2,
    networkConfiguration: NET_A,
    deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
  });
  await waitFor(() => plane.store.list('task').length === 2);
  agentStep('RUNNING');
  await waitFor(() => service()?.deployments?.[0]?.rolloutState === 'COMPLETED');
});

afterEach(async () => {
  await plane.close();
});

describe('StopServiceDeployment', () => {
  it('rolls an in-progress deployment back to the previous revision, launch and network included', async () => {
    const { ecsServices, serviceDeployments } = plane.services;
    const first = service()?.deployments?.[0]?.id ?? '';
    ecsServices.update(partition, {
      cluster: 'c',
      service: 's',
      taskDefinition: 'net:2',
      networkConfiguration: NET_B,
    });
    const arn = entries().find((e) => e.status === 'IN_PROGRESS')?.serviceDeploymentArn ?? '';
    expect(serviceDeployments.stop(partition, { serviceDeploymentArn: arn, stopType: 'ROLLBACK' })).toEqual({
      serviceDeploymentArn: arn,
    });
    const after = service();
    expect(after?.taskDefinition).toBe(TD(1));
    expect(after?.networkConfiguration).toEqual(NET_A);
    expect(after?.deployments?.[0]).toMatchObject({
      status: 'PRIMARY',
      taskDefinition: TD(1),
      launchType: 'EC2',
      networkConfiguration: NET_A,
      rolloutState: 'IN_PROGRESS',
      rolloutStateReason: `ECS deployment rolling back to deploymentId ${first} (StopServiceDeployment).`,
    });
    expect(after?.deployments?.[1]).toMatchObject({
      status: 'ACTIVE',
      taskDefinition: TD(2),
      rolloutState: 'FAILED',
    });
    expect(entry(arn)).toMatchObject({
      status: 'ROLLBACK_REQUESTED',
      rollback: { serviceRevisionArn: expect.stringMatching(/service-revision\/c\/s\//) },
    });
    // Asking again while it rolls back goes on; the controller picks the rollback up.
    expect(serviceDeployments.stop(partition, { serviceDeploymentArn: arn })).toEqual({
      serviceDeploymentArn: arn,
    });
    await waitFor(() => entry(arn)?.status === 'ROLLBACK_IN_PROGRESS');
    for (let i = 0; i < 50 && entry(arn)?.status !== 'ROLLBACK_SUCCESSFUL'; i++) {
      agentStep('RUNNING');
      clock += 1000;
      nudge();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(entry(arn)?.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(service()?.deployments).toEqual([
      expect.objectContaining({ taskDefinition: TD(1), rolloutState: 'COMPLETED' }),
    ]);
    expect(apiErrorOf(() => serviceDeployments.stop(partition, { serviceDeploymentArn: arn }))).toBe(
      'ConflictException: The service deployment is ROLLBACK_SUCCESSFUL: only a PENDING or IN_PROGRESS service deployment can be stopped.',
    );
  });

  it('answers unknown, malformed and unstoppable deployments with ECS errors', () => {
    const { serviceDeployments } = plane.services;
    const [done] = entries();
    const unknown = 'arn:aws:ecs:us-east-1:000000000000:service-deployment/c/s/nope';
    expect(apiErrorOf(() => serviceDeployments.stop(partition, { serviceDeploymentArn: unknown }))).toBe(
      'ServiceDeploymentNotFoundException: Service deployment not found.',
    );
    expect(apiErrorOf(() => serviceDeployments.stop(partition, { serviceDeploymentArn: 'nope' }))).toBe(
      'InvalidParameterException: Invalid service deployment ARN: nope.',
    );
    expect(
      apiErrorOf(() =>
        serviceDeployments.stop(partition, {
          serviceDeploymentArn: done?.serviceDeploymentArn,
          stopType: 'ABORT',
        }),
      ),
    ).toBe('InvalidParameterException: Invalid stopType: ABORT. The valid value is ROLLBACK.');
    expect(
      apiErrorOf(() =>
        serviceDeployments.stop(partition, { serviceDeploymentArn: done?.serviceDeploymentArn }),
      ),
    ).toMatch(/^ConflictException: The service deployment is SUCCESSFUL/);
  });

  it('has nothing to roll back to while the first deployment runs', () => {
    const { ecsServices, serviceDeployments } = plane.services;
    ecsServices.create(partition, {
      cluster: 'c',
      serviceName: 'fresh',
      taskDefinition: 'net:1',
      desiredCount: 1,
      networkConfiguration: NET_A,
    });
    const arn =
      listServiceDeployments(plane.store, partition, { cluster: 'c', service: 'fresh' }).items[0]
        ?.serviceDeploymentArn ?? '';
    expect(apiErrorOf(() => serviceDeployments.stop(partition, { serviceDeploymentArn: arn }))).toBe(
      'ConflictException: The service has no previous service revision to roll back to.',
    );
  });

  it('a circuit-breaker rollback keeps the launch type and network configuration it returns to', async () => {
    const { ecsServices } = plane.services;
    ecsServices.update(partition, {
      cluster: 'c',
      service: 's',
      taskDefinition: 'net:2',
      networkConfiguration: NET_B,
    });
    for (let i = 0; i < 80 && service()?.deployments?.[0]?.taskDefinition !== TD(1); i++) {
      agentStep('FAIL', TD(2));
      clock += 20_000;
      nudge();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(service()?.deployments?.[0]).toMatchObject({
      taskDefinition: TD(1),
      launchType: 'EC2',
      networkConfiguration: NET_A,
      rolloutStateReason: expect.stringMatching(
        /^ECS deployment circuit breaker: rolling back to deploymentId/,
      ),
    });
    expect(service()?.networkConfiguration).toEqual(NET_A);
  });
});

describe('ContinueServiceDeployment', () => {
  it('finds no paused lifecycle hook to act on', () => {
    const { serviceDeployments } = plane.services;
    const arn = entries()[0]?.serviceDeploymentArn ?? '';
    expect(
      apiErrorOf(() => serviceDeployments.continue(partition, { serviceDeploymentArn: arn, hookId: 'h1' })),
    ).toBe('InvalidParameterException: The lifecycle hook h1 is not in AWAITING_ACTION status.');
    expect(
      apiErrorOf(() =>
        serviceDeployments.continue(partition, {
          serviceDeploymentArn: 'arn:aws:ecs:us-east-1:000000000000:service-deployment/c/s/nope',
          hookId: 'h1',
        }),
      ),
    ).toBe('ServiceDeploymentNotFoundException: Service deployment not found.');
    expect(apiErrorOf(() => serviceDeployments.continue(partition, { serviceDeploymentArn: arn }))).toBe(
      'InvalidParameterException: hookId can not be blank.',
    );
  });

  it('CreateService and UpdateService check the strategy settings as ECS does', () => {
    const { ecsServices } = plane.services;
    const create = (deploymentConfiguration: object, extra: object = {}) =>
      apiErrorOf(() =>
        ecsServices.create(partition, {
          cluster: 'c',
          serviceName: 'bg',
          taskDefinition: 'net:1',
          desiredCount: 1,
          networkConfiguration: NET_A,
          deploymentConfiguration,
          ...extra,
        }),
      );
    expect(create({ strategy: 'PURPLE' })).toBe(
      'InvalidParameterException: Invalid strategy: PURPLE. Valid values are ROLLING, BLUE_GREEN, LINEAR and CANARY.',
    );
    expect(create({ strategy: 'BLUE_GREEN', linearConfiguration: { stepPercent: 10 } })).toBe(
      'InvalidParameterException: linearConfiguration is only valid when the deployment strategy is LINEAR.',
    );
    expect(create({ strategy: 'LINEAR', linearConfiguration: { stepPercent: 2 } })).toBe(
      'InvalidParameterException: stepPercent must be a multiple of 0.1 between 3 and 100.',
    );
    expect(create({ strategy: 'CANARY', canaryConfiguration: { canaryBakeTimeInMinutes: 1441 } })).toBe(
      'InvalidParameterException: canaryBakeTimeInMinutes must be between 0 and 1440.',
    );
    expect(create({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: -1 })).toBe(
      'InvalidParameterException: bakeTimeInMinutes must be between 0 and 1440.',
    );
    expect(create({ lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: [] }] })).toBe(
      'InvalidParameterException: lifecycleStages must have at least one stage.',
    );
    expect(create({ lifecycleHooks: [{ lifecycleStages: ['PRE_SCALE_UP'] }] })).toBe(
      'InvalidParameterException: hookTargetArn must be specified for a lifecycle hook of targetType AWS_LAMBDA.',
    );
    expect(create({}, { role: 'arn:aws:iam::000000000000:role/ecsServiceRole' })).toBe(
      'InvalidParameterException: IAM roles are only valid for services configured to use load balancers.',
    );
    expect(create({ strategy: 'ROLLING' })).toBe('none');
    expect(create({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 }, { serviceName: 'headless' })).toBe(
      'none',
    );
  });
});
