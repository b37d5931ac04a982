import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ECS_OPERATIONS } from '@berth/wire/ecs';

import type { RunningControlPlane } from '../../test-support/unit.test-support.js';
import type { RequestContext } from '@berth/gateway';
import {
  AGENT_TD,
  CP_ARN,
  partition,
  startDaemonFixture,
} from '../../services/daemons/daemons.test-support.js';
import { apiErrorOf } from '../../test-support/unit.test-support.js';

import { ecsService } from './ecs-service.js';

const ctx: RequestContext = {
  requestId: 'r',
  partition,
  accessKeyId: 'AKIAUNIT',
  principalArn: 'arn:aws:iam::000000000000:root',
  identity: {
    accountId: '000000000000',
    arn: 'arn:aws:iam::000000000000:root',
    userId: '000000000000',
    kind: 'root',
  },
};
const DAEMON_ARN = 'arn:aws:ecs:us-east-1:000000000000:daemon/c/d';
let plane: RunningControlPlane;
let call: (operation: string, input: Record<string, unknown>) => unknown;

beforeEach(async () => {
  ({ plane } = await startDaemonFixture());
  const service = ecsService(plane.services);
  call = (operation, input) => {
    const handler = service.operations.get(operation);
    if (!handler) throw new Error(`${operation} is not implemented`);
    return handler(ctx, input);
  };
});

afterEach(async () => {
  await plane.close();
});

describe('the Daemon operations', () => {
  it('are all implemented', () => {
    const daemonOperations = ECS_OPERATIONS.filter((op) => op.includes('Daemon'));
    expect(daemonOperations).toHaveLength(12);
    const service = ecsService(plane.services);
    for (const op of daemonOperations) expect(service.operations.has(op)).toBe(true);
  });

  it('answer with the response shapes of the model', () => {
    expect(
      call('RegisterDaemonTaskDefinition', {
        family: 'agent',
        memory: '128',
        containerDefinitions: [{ name: 'c', image: 'x' }],
      }),
    ).toEqual({ daemonTaskDefinitionArn: `${AGENT_TD}:2` });
    expect(call('ListDaemonTaskDefinitions', { maxResults: 1 })).toEqual({
      daemonTaskDefinitions: [expect.objectContaining({ arn: `${AGENT_TD}:1`, status: 'ACTIVE' })],
      nextToken: expect.any(String) as string,
    });
    expect(call('DescribeDaemonTaskDefinition', { daemonTaskDefinition: 'agent' })).toMatchObject({
      daemonTaskDefinition: { revision: 2 },
    });
    const created = call('CreateDaemon', {
      daemonName: 'd',
      clusterArn: 'c',
      daemonTaskDefinitionArn: `${AGENT_TD}:1`,
      capacityProviderArns: [CP_ARN],
    }) as { deploymentArn: string };
    expect(call('ListDaemons', { clusterArn: 'c', capacityProviderArns: [CP_ARN] })).toEqual({
      daemonSummariesList: [
        { daemonArn: DAEMON_ARN, status: 'ACTIVE', createdAt: expect.any(Number) as number },
      ],
    });
    expect(call('ListDaemons', { capacityProviderArns: ['other'] })).toEqual({ daemonSummariesList: [] });
    expect(call('DescribeDaemon', { daemonArn: DAEMON_ARN })).toMatchObject({
      daemon: { daemonArn: DAEMON_ARN, status: 'ACTIVE', deploymentArn: created.deploymentArn },
    });
    const deployments = call('ListDaemonDeployments', { daemonArn: DAEMON_ARN }) as {
      daemonDeployments: { daemonDeploymentArn: string; targetDaemonRevisionArn: string }[];
    };
    expect(deployments.daemonDeployments.map((d) => d.daemonDeploymentArn)).toEqual([created.deploymentArn]);
    expect(call('ListDaemonDeployments', { daemonArn: DAEMON_ARN, createdAt: { before: 0 } })).toEqual({
      daemonDeployments: [],
    });
    const revision = deployments.daemonDeployments[0]?.targetDaemonRevisionArn ?? '';
    expect(call('DescribeDaemonRevisions', { daemonRevisionArns: [revision, `${revision}0`] })).toEqual({
      daemonRevisions: [
        expect.objectContaining({ daemonRevisionArn: revision, daemonTaskDefinitionArn: `${AGENT_TD}:1` }),
      ],
      failures: [{ arn: `${revision}0`, reason: 'MISSING' }],
    });
    expect(
      call('DescribeDaemonDeployments', { daemonDeploymentArns: [created.deploymentArn] }),
    ).toMatchObject({
      daemonDeployments: [{ daemonDeploymentArn: created.deploymentArn }],
      failures: [],
    });
    expect(call('DeleteDaemon', { daemonArn: DAEMON_ARN })).toMatchObject({ status: 'DELETE_IN_PROGRESS' });
    expect(call('DeleteDaemonTaskDefinition', { daemonTaskDefinition: 'agent:2' })).toEqual({
      daemonTaskDefinitionArn: `${AGENT_TD}:2`,
    });
  });

  it('refuse bad input with ECS errors', () => {
    expect(apiErrorOf(() => call('DescribeDaemonDeployments', { daemonDeploymentArns: [] }))).toBe(
      'InvalidParameterException: daemonDeploymentArns can not be empty.',
    );
    expect(
      apiErrorOf(() =>
        call('DescribeDaemonRevisions', { daemonRevisionArns: Array.from({ length: 21 }, String) }),
      ),
    ).toBe('InvalidParameterException: daemonRevisionArns can have at most 20 items.');
    expect(apiErrorOf(() => call('ListDaemonDeployments', { daemonArn: DAEMON_ARN }))).toBe(
      'DaemonNotFoundException: Daemon not found.',
    );
    expect(apiErrorOf(() => call('DescribeDaemon', {}))).toBe(
      'InvalidParameterException: daemonArn can not be blank.',
    );
    expect(apiErrorOf(() => call('ListDaemons', { clusterArn: 'ghost' }))).toBe(
      'ClusterNotFoundException: Cluster not found.',
    );
    plane.services.daemons.create(partition, {
      daemonName: 'd',
      clusterArn: 'c',
      daemonTaskDefinitionArn: `${AGENT_TD}:1`,
      capacityProviderArns: [CP_ARN],
    });
    expect(apiErrorOf(() => call('ListDaemonDeployments', { daemonArn: DAEMON_ARN, status: ['DONE'] }))).toBe(
      'InvalidParameterException: Invalid status: ["DONE"].',
    );
    expect(apiErrorOf(() => call('ListDaemonDeployments', { daemonArn: DAEMON_ARN, maxResults: 0 }))).toBe(
      'InvalidParameterException: maxResults must be between 1 and 100.',
    );
  });
});
