import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { toWireResources } from '@berth/core';

import type { RunningControlPlane } from '../../test-support/unit.test-support.js';
import { apiErrorOf, UNIT_PARTITION, startUnitControlPlane } from '../../test-support/unit.test-support.js';

const partition = UNIT_PARTITION;
const ENDPOINT = 'http://127.0.0.1:4566/';
let plane: RunningControlPlane;
let withVersion = '';
let withoutVersion = '';

beforeEach(async () => {
  plane = await startUnitControlPlane();
  const { clusters, containerInstances } = plane.services;
  clusters.create(partition, { clusterName: 'c' });
  const totalResources = toWireResources({ cpu: 1024, memory: 1024, ports: [], portsUdp: [] });
  withVersion =
    containerInstances.register(partition, {
      cluster: 'c',
      totalResources,
      versionInfo: { agentVersion: '0.9.0' },
    }).containerInstanceArn ?? '';
  withoutVersion =
    containerInstances.register(partition, { cluster: 'c', totalResources }).containerInstanceArn ?? '';
});

afterEach(async () => {
  await plane.close();
});

describe('UpdateContainerAgent', () => {
  it('validates the cluster and instance, then has no update to offer', () => {
    const { agentEndpoints } = plane.services;
    expect(
      apiErrorOf(() =>
        agentEndpoints.updateContainerAgent(partition, { cluster: 'nope', containerInstance: withVersion }),
      ),
    ).toBe('ClusterNotFoundException: Cluster not found.');
    expect(
      apiErrorOf(() => agentEndpoints.updateContainerAgent(partition, { containerInstance: 'abc' })),
    ).toBe('ClusterNotFoundException: Cluster not found.');
    expect(
      apiErrorOf(() =>
        agentEndpoints.updateContainerAgent(partition, { cluster: 'c', containerInstance: 'abc' }),
      ),
    ).toBe('InvalidParameterException: The referenced container instance was not found.');
    expect(apiErrorOf(() => agentEndpoints.updateContainerAgent(partition, { cluster: 'c' }))).toBe(
      'InvalidParameterException: containerInstance can not be blank.',
    );
    expect(
      apiErrorOf(() => agentEndpoints.updateContainerAgent(partition, { containerInstance: withVersion })),
    ).toBe(
      'NoUpdateAvailableException: There is no update available for your container agent: it already runs version 0.9.0, the version its Berth server ships.',
    );
    expect(
      apiErrorOf(() =>
        agentEndpoints.updateContainerAgent(partition, {
          cluster: 'c',
          containerInstance: withoutVersion.split('/').pop(),
        }),
      ),
    ).toMatch(/^MissingVersionException: /);
  });
});

describe('DiscoverPollEndpoint', () => {
  it('answers this server’s endpoint, for a known cluster and instance', () => {
    const { agentEndpoints } = plane.services;
    const endpoints = { endpoint: ENDPOINT, telemetryEndpoint: ENDPOINT, serviceConnectEndpoint: ENDPOINT };
    expect(agentEndpoints.discoverPollEndpoint(partition, ENDPOINT, {})).toEqual(endpoints);
    expect(agentEndpoints.discoverPollEndpoint(partition, ENDPOINT, { cluster: 'c' })).toEqual(endpoints);
    expect(
      agentEndpoints.discoverPollEndpoint(partition, ENDPOINT, { containerInstance: withVersion }),
    ).toEqual(endpoints);
    expect(
      apiErrorOf(() => agentEndpoints.discoverPollEndpoint(partition, ENDPOINT, { cluster: 'nope' })),
    ).toBe('ClusterNotFoundException: Cluster not found.');
    expect(
      apiErrorOf(() =>
        agentEndpoints.discoverPollEndpoint(partition, ENDPOINT, { cluster: 'c', containerInstance: 'abc' }),
      ),
    ).toBe('InvalidParameterException: The referenced container instance was not found.');
  });
});
