import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { CreateDaemonRequest } from '@berth/wire/ecs';

import type { RunningControlPlane } from '../../test-support/unit.test-support.js';
import { apiErrorOf } from '../../test-support/unit.test-support.js';

import { AGENT_TD, CP_ARN, partition, startDaemonFixture } from './daemons.test-support.js';

const DAEMON_ARN = 'arn:aws:ecs:us-east-1:000000000000:daemon/c/d';
let plane: RunningControlPlane;

const request = (extra: Partial<CreateDaemonRequest> = {}): CreateDaemonRequest => ({
  daemonName: 'd',
  clusterArn: 'arn:aws:ecs:us-east-1:000000000000:cluster/c',
  daemonTaskDefinitionArn: `${AGENT_TD}:1`,
  capacityProviderArns: [CP_ARN],
  ...extra,
});

beforeEach(async () => {
  ({ plane } = await startDaemonFixture());
});

afterEach(async () => {
  await plane.close();
});

describe('CreateDaemon', () => {
  it('creates an ACTIVE daemon with its first deployment, in the ARN forms AWS uses', () => {
    const created = plane.services.daemons.create(partition, request({ tags: [{ key: 'k', value: 'v' }] }));
    expect(created).toEqual({
      daemonArn: DAEMON_ARN,
      status: 'ACTIVE',
      createdAt: expect.any(Number) as number,
      deploymentArn: expect.stringMatching(
        /^arn:aws:ecs:us-east-1:000000000000:daemon-deployment\/c\/d\/[0-9a-f]{16}$/,
      ) as string,
    });
    expect(plane.services.tags.list(partition, DAEMON_ARN)).toEqual([{ key: 'k', value: 'v' }]);
  });

  it('is idempotent with a clientToken', () => {
    const first = plane.services.daemons.create(partition, request({ clientToken: 'token-1' }));
    expect(plane.services.daemons.create(partition, request({ clientToken: 'token-1' }))).toEqual(first);
    expect(
      apiErrorOf(() =>
        plane.services.daemons.create(
          partition,
          request({ clientToken: 'token-1', enableExecuteCommand: true }),
        ),
      ),
    ).toBe('InvalidParameterException: The clientToken was already used with a different request.');
    expect(apiErrorOf(() => plane.services.daemons.create(partition, request()))).toBe(
      'InvalidParameterException: A daemon with this name already exists in the cluster.',
    );
  });

  it.each([
    [{ daemonName: '' }, 'InvalidParameterException: daemonName can not be blank.'],
    [
      { daemonName: 'has space' },
      'InvalidParameterException: Daemon name must be up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens.',
    ],
    [{ clusterArn: 'ghost' }, 'ClusterNotFoundException: Cluster not found.'],
    [
      { daemonTaskDefinitionArn: `${AGENT_TD}:9` },
      'ClientException: The specified daemon task definition was not found.',
    ],
    [{ capacityProviderArns: [] }, 'InvalidParameterException: capacityProviderArns can not be empty.'],
    [
      { capacityProviderArns: ['FARGATE'] },
      'InvalidParameterException: ECS Managed Daemons is only supported for Amazon ECS Managed Instances Capacity Providers.',
    ],
    [
      { capacityProviderArns: ['arn:aws:ecs:us-east-1:000000000000:capacity-provider/FARGATE_SPOT'] },
      'InvalidParameterException: ECS Managed Daemons is only supported for Amazon ECS Managed Instances Capacity Providers.',
    ],
    [
      { capacityProviderArns: ['arn:aws:ecs:us-east-1:000000000000:capacity-provider/ghost'] },
      "InvalidParameterException: The specified capacity provider 'ghost' does not exist.",
    ],
    [
      { clientToken: 'x'.repeat(37) },
      'InvalidParameterException: clientToken must be up to 36 ASCII characters in the range 33-126.',
    ],
    [
      { deploymentConfiguration: { drainPercent: 150 } },
      'InvalidParameterException: drainPercent must be between 0.0 and 100.0.',
    ],
    [
      { deploymentConfiguration: { bakeTimeInMinutes: -1 } },
      'InvalidParameterException: bakeTimeInMinutes must be between 0 and 1440.',
    ],
    [
      { deploymentConfiguration: { alarms: { alarmNames: ['a'], enable: true } } },
      'UnsupportedFeatureException: Berth does not evaluate CloudWatch alarms in daemon deployments.',
    ],
    [
      { propagateTags: 'SERVICE' as never },
      "InvalidParameterException: 1 validation error detected: Value 'SERVICE' at 'propagateTags' failed to satisfy constraint: Member must satisfy enum value set: [DAEMON, NONE]",
    ],
  ] satisfies [Partial<CreateDaemonRequest>, string][])('refuses %j', (extra, error) => {
    expect(apiErrorOf(() => plane.services.daemons.create(partition, request(extra)))).toBe(error);
  });

  it('refuses providers not associated with the cluster and deleted daemon task definitions', () => {
    plane.services.capacityProviders.create(partition, {
      name: 'other',
      autoScalingGroupProvider: { autoScalingGroupArn: 'other-asg' },
    });
    expect(
      apiErrorOf(() =>
        plane.services.daemons.create(
          partition,
          request({ capacityProviderArns: ['arn:aws:ecs:us-east-1:000000000000:capacity-provider/other'] }),
        ),
      ),
    ).toBe(
      "InvalidParameterException: The specified capacity provider 'other' is not associated with the cluster.",
    );
    plane.services.daemonTaskDefinitions.delete(partition, `${AGENT_TD}:1`);
    expect(apiErrorOf(() => plane.services.daemons.create(partition, request()))).toBe(
      'InvalidParameterException: The daemon task definition is not ACTIVE.',
    );
  });
});

describe('UpdateDaemon and DeleteDaemon', () => {
  it('answer unknown and inactive daemons with the daemon errors', () => {
    const { daemons } = plane.services;
    const update = {
      daemonArn: DAEMON_ARN,
      daemonTaskDefinitionArn: `${AGENT_TD}:1`,
      capacityProviderArns: [CP_ARN],
    };
    expect(apiErrorOf(() => daemons.update(partition, update))).toBe(
      'DaemonNotFoundException: Daemon not found.',
    );
    expect(apiErrorOf(() => daemons.delete(partition, 'not-an-arn'))).toBe(
      'InvalidParameterException: The daemon ARN is invalid.',
    );
    daemons.create(partition, request());
    const deleted = daemons.delete(partition, DAEMON_ARN);
    expect(deleted).toMatchObject({
      daemonArn: DAEMON_ARN,
      status: 'DELETE_IN_PROGRESS',
      updatedAt: expect.any(Number),
    });
    expect(apiErrorOf(() => daemons.update(partition, update))).toBe(
      'DaemonNotActiveException: The specified daemon is not active.',
    );
    expect(apiErrorOf(() => daemons.delete(partition, DAEMON_ARN))).toBe(
      'DaemonNotActiveException: The specified daemon is not active.',
    );
    expect(apiErrorOf(() => daemons.create(partition, request()))).toBe(
      'InvalidParameterException: A daemon with this name is being deleted. Try again once it is deleted.',
    );
  });

  it('an update stops the deployment under way and starts a new one from the daemon’s revision', () => {
    const { daemons } = plane.services;
    const created = daemons.create(partition, request({ propagateTags: 'DAEMON' }));
    const updated = daemons.update(partition, {
      daemonArn: DAEMON_ARN,
      daemonTaskDefinitionArn: `${AGENT_TD}:1`,
      capacityProviderArns: ['cp'],
      deploymentConfiguration: { drainPercent: 50 },
    });
    expect(updated.deploymentArn).not.toBe(created.deploymentArn);
    expect(updated.updatedAt).toEqual(expect.any(Number));
    const first = plane.store.get<{ rollout: { status: string } }>(
      'daemon-deployment',
      created.deploymentArn ?? '',
    );
    expect(first?.rollout.status).toMatch(/^(STOPPED|SUCCESSFUL)$/);
  });
});
