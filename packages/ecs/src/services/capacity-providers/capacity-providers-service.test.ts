import { beforeEach, describe, expect, it } from 'vitest';

import { toWireResources } from '@berth/core';
import type { CreateCapacityProviderRequest } from '@berth/wire/ecs';
import { MemoryStateStore } from '@berth/store';

import { apiErrorOf, UNIT_PARTITION } from '../../test-support/unit.test-support.js';
import { AgentPresence } from '../agent-presence.js';
import { ClustersService } from '../clusters/clusters-service.js';
import { ContainerInstancesService } from '../container-instances/container-instances-service.js';
import { KIND } from '../records.js';
import type { ServiceDeps } from '../service-deps.js';

import { CapacityProvidersService } from './capacity-providers-service.js';
import { AUTO_SCALING_GROUP_ATTRIBUTE, autoScalingGroupOfProvider } from './provider-groups.js';

const partition = UNIT_PARTITION;
const cpArn = (name: string): string => `arn:aws:ecs:us-east-1:000000000000:capacity-provider/${name}`;
const groupArn = (name: string): string =>
  `arn:aws:autoscaling:us-east-1:000000000000:autoScalingGroup:57ffcb94-11f0-4d6d-bf60-3bac5EXAMPLE:autoScalingGroupName/${name}`;

let deps: ServiceDeps;
let providers: CapacityProvidersService;
let clusters: ClustersService;
let instances: ContainerInstancesService;

const create = (name: string, group = `${name}-asg`, extra: Partial<CreateCapacityProviderRequest> = {}) =>
  providers.create(partition, { name, autoScalingGroupProvider: { autoScalingGroupArn: group }, ...extra });

beforeEach(() => {
  let clock = 1_700_000_000_000;
  let id = 0;
  deps = {
    store: new MemoryStateStore(),
    now: () => (clock += 1000),
    ids: { uuid: () => `uuid-${++id}`, hexId: () => (++id).toString(16).padStart(32, '0') },
  };
  providers = new CapacityProvidersService(deps);
  clusters = new ClustersService(deps);
  instances = new ContainerInstancesService(deps, clusters, new AgentPresence(deps.now));
});

describe('CreateCapacityProvider', () => {
  it('applies the defaults ECS applies and keeps the given group ARN', () => {
    const provider = create('MyCapacityProvider', groupArn('MyASG'), {
      tags: [{ key: 'env', value: 'prod' }],
    });
    expect(provider).toEqual({
      capacityProviderArn: cpArn('MyCapacityProvider'),
      name: 'MyCapacityProvider',
      status: 'ACTIVE',
      autoScalingGroupProvider: {
        autoScalingGroupArn: groupArn('MyASG'),
        managedScaling: {
          status: 'ENABLED',
          targetCapacity: 100,
          minimumScalingStepSize: 1,
          maximumScalingStepSize: 10000,
          instanceWarmupPeriod: 300,
        },
        managedTerminationProtection: 'DISABLED',
        managedDraining: 'ENABLED',
      },
      tags: [{ key: 'env', value: 'prod' }],
      type: 'EC2_AUTOSCALING',
    });
    expect(autoScalingGroupOfProvider(deps.store, partition, 'MyCapacityProvider')).toBe('MyASG');
  });

  it('keeps given settings and fills the rest', () => {
    const provider = providers.create(partition, {
      name: 'cp',
      autoScalingGroupProvider: {
        autoScalingGroupArn: 'plain-group',
        managedScaling: { targetCapacity: 60 },
        managedTerminationProtection: 'ENABLED',
      },
    });
    expect(provider.autoScalingGroupProvider?.managedScaling).toMatchObject({
      status: 'ENABLED',
      targetCapacity: 60,
      maximumScalingStepSize: 10000,
    });
    expect(provider.autoScalingGroupProvider?.managedTerminationProtection).toBe('ENABLED');
    expect(autoScalingGroupOfProvider(deps.store, partition, 'cp')).toBe('plain-group');
  });

  it.each(['aws-cp', 'ECS_cp', 'Fargate1', 'FARGATE', 'has space', '', 'x'.repeat(256)])(
    'rejects the name %j',
    (name) => {
      expect(apiErrorOf(() => create(name, 'g'))).toBe(
        'ClientException: The specified capacity provider name is invalid. Up to 255 characters are allowed, including letters (upper and lowercase), numbers, underscores, and hyphens. The name cannot be prefixed with "aws", "ecs", or "fargate". Specify a valid name and try again.',
      );
    },
  );

  it('accepts a 255-character name and names containing the reserved words later on', () => {
    expect(create('x'.repeat(255), 'g1').name).toHaveLength(255);
    expect(create('my-ecs-fargate', 'g2').status).toBe('ACTIVE');
  });

  it('rejects a duplicate name', () => {
    create('cp', 'g1');
    expect(apiErrorOf(() => create('cp', 'g2'))).toBe(
      'ClientException: The specified capacity provider already exists. To change the configuration of an existing capacity provider, update the capacity provider.',
    );
  });

  it('rejects a group another provider uses, whether named by ARN or by name', () => {
    create('first', groupArn('shared'));
    expect(apiErrorOf(() => create('second', 'shared'))).toBe(
      'ClientException: The specified Auto Scaling group ARN is already being used by another capacity provider. Specify a unique Auto Scaling group ARN and try again.',
    );
  });

  it('validates managed scaling and the switches', () => {
    const scaling = (managedScaling: object) => () =>
      providers.create(partition, {
        name: 'cp',
        autoScalingGroupProvider: { autoScalingGroupArn: 'g', managedScaling },
      });
    expect(apiErrorOf(scaling({ minimumScalingStepSize: 0 }))).toBe(
      'ClientException: The specified minimum scaling step size is invalid.',
    );
    expect(apiErrorOf(scaling({ targetCapacity: 101 }))).toBe(
      'ClientException: The specified target capacity is invalid.',
    );
    expect(apiErrorOf(scaling({ minimumScalingStepSize: 5, maximumScalingStepSize: 4 }))).toBe(
      'ClientException: The specified maximum scaling step size is invalid.',
    );
    expect(
      apiErrorOf(() =>
        providers.create(partition, {
          name: 'cp',
          autoScalingGroupProvider: {
            autoScalingGroupArn: 'g',
            managedDraining: 'MAYBE' as 'ENABLED',
          },
        }),
      ),
    ).toBe(
      "ClientException: 1 validation error detected: Value 'MAYBE' at 'autoScalingGroupProvider.managedDraining' failed to satisfy constraint: Member must satisfy enum value set: [ENABLED, DISABLED]",
    );
    expect(apiErrorOf(() => create('cp', 'arn:aws:autoscaling:us-east-1:1:notAGroup'))).toMatch(
      /^ClientException: The specified Auto Scaling group ARN is invalid/,
    );
  });
});

describe('DescribeCapacityProviders', () => {
  it('lists the user providers, oldest first, then FARGATE and FARGATE_SPOT; tags only with TAGS', () => {
    create('b-provider', 'g1', { tags: [{ key: 'k', value: 'v' }] });
    create('a-provider', 'g2');
    const plain = providers.describe(partition, {});
    expect(plain.capacityProviders.map((p) => p.name)).toEqual([
      'b-provider',
      'a-provider',
      'FARGATE',
      'FARGATE_SPOT',
    ]);
    expect(plain.capacityProviders[0]?.tags).toEqual([]);
    expect(plain.capacityProviders[2]).toEqual({
      capacityProviderArn: cpArn('FARGATE'),
      name: 'FARGATE',
      status: 'ACTIVE',
      tags: [],
      type: 'FARGATE',
    });
    expect(plain.failures).toEqual([]);
    const tagged = providers.describe(partition, { capacityProviders: ['b-provider'], include: ['TAGS'] });
    expect(tagged.capacityProviders[0]?.tags).toEqual([{ key: 'k', value: 'v' }]);
  });

  it('describes by name or ARN, built-ins included, and reports unknown ones as MISSING', () => {
    create('cp', 'g');
    const result = providers.describe(partition, {
      capacityProviders: [cpArn('cp'), 'FARGATE_SPOT', 'nope'],
    });
    expect(result.capacityProviders.map((p) => p.name)).toEqual(['cp', 'FARGATE_SPOT']);
    expect(result.failures).toEqual([{ arn: cpArn('nope'), reason: 'MISSING' }]);
  });

  it('pages with maxResults and nextToken, 10 per page by default', () => {
    for (let i = 0; i < 11; i += 1) create(`cp${i}`, `g${i}`);
    const first = providers.describe(partition, {});
    expect(first.capacityProviders).toHaveLength(10);
    const second = providers.describe(partition, { nextToken: first.nextToken ?? '' });
    expect(second.capacityProviders.map((p) => p.name)).toEqual(['cp10', 'FARGATE', 'FARGATE_SPOT']);
    expect(second.nextToken).toBeUndefined();
    const small = providers.describe(partition, { maxResults: 2 });
    expect(small.capacityProviders.map((p) => p.name)).toEqual(['cp0', 'cp1']);
    expect(small.nextToken).toBeDefined();
    expect(apiErrorOf(() => providers.describe(partition, { maxResults: 0 }))).toBe(
      'InvalidParameterException: maxResults must be between 1 and 100.',
    );
  });

  it('lists only the providers associated with a cluster when one is given', () => {
    create('cp', 'g');
    create('other', 'g2');
    clusters.create(partition, { clusterName: 'c', capacityProviders: ['cp', 'FARGATE'] });
    const result = providers.describe(partition, { cluster: 'c' });
    expect(result.capacityProviders.map((p) => p.name)).toEqual(['cp', 'FARGATE']);
  });
});

describe('UpdateCapacityProvider', () => {
  it('changes the given settings, keeps the rest, and reports UPDATE_IN_PROGRESS then UPDATE_COMPLETE', () => {
    create('cp', groupArn('g'));
    const updated = providers.update(partition, {
      name: 'cp',
      autoScalingGroupProvider: { managedScaling: { targetCapacity: 50 }, managedDraining: 'DISABLED' },
    });
    expect(updated.updateStatus).toBe('UPDATE_IN_PROGRESS');
    expect(updated.autoScalingGroupProvider).toEqual({
      autoScalingGroupArn: groupArn('g'),
      managedScaling: {
        status: 'ENABLED',
        targetCapacity: 50,
        minimumScalingStepSize: 1,
        maximumScalingStepSize: 10000,
        instanceWarmupPeriod: 300,
      },
      managedTerminationProtection: 'DISABLED',
      managedDraining: 'DISABLED',
    });
    const described = providers.describe(partition, { capacityProviders: ['cp'] }).capacityProviders[0];
    expect(described?.updateStatus).toBe('UPDATE_COMPLETE');
    expect(described?.autoScalingGroupProvider?.managedScaling?.targetCapacity).toBe(50);
  });

  it('rejects unknown and built-in providers', () => {
    const update = (name: string) => () =>
      providers.update(partition, { name, autoScalingGroupProvider: { managedDraining: 'ENABLED' } });
    expect(apiErrorOf(update('nope'))).toBe(
      'ClientException: The specified capacity provider was not found. Specify a valid capacity provider and try again.',
    );
    expect(apiErrorOf(update('FARGATE'))).toBe(
      "ClientException: The FARGATE and FARGATE_SPOT capacity providers are reserved and can't be updated.",
    );
  });
});

describe('DeleteCapacityProvider', () => {
  it('fails with DELETE_FAILED while a cluster has the provider, then deletes it', () => {
    create('cp', 'g');
    clusters.create(partition, { clusterName: 'c', capacityProviders: ['cp'] });
    const blocked = providers.delete(partition, 'cp');
    expect(blocked).toMatchObject({
      status: 'ACTIVE',
      updateStatus: 'DELETE_FAILED',
      updateStatusReason:
        'The capacity provider cannot be deleted because it is associated with cluster: c. Remove the capacity provider from the cluster and try again.',
    });
    expect(
      providers.describe(partition, { capacityProviders: ['cp'] }).capacityProviders[0]?.updateStatus,
    ).toBe('DELETE_FAILED');

    clusters.putCapacityProviders(partition, {
      cluster: 'c',
      capacityProviders: [],
      defaultCapacityProviderStrategy: [],
    });
    const deleted = providers.delete(partition, cpArn('cp'));
    expect(deleted.status).toBe('ACTIVE');
    expect(deleted.updateStatus).toBe('DELETE_IN_PROGRESS');
    expect(deleted.updateStatusReason).toBeUndefined();
    const described = providers.describe(partition, { capacityProviders: ['cp'] }).capacityProviders[0];
    expect(described).toMatchObject({ status: 'INACTIVE', updateStatus: 'DELETE_COMPLETE' });
    expect(providers.describe(partition, {}).capacityProviders.map((p) => p.name)).toEqual([
      'FARGATE',
      'FARGATE_SPOT',
    ]);
    expect(autoScalingGroupOfProvider(deps.store, partition, 'cp')).toBeUndefined();
    // The name and the group are free again.
    expect(create('cp', 'g').status).toBe('ACTIVE');
  });

  it('does not delete built-in or unknown providers', () => {
    expect(apiErrorOf(() => providers.delete(partition, 'FARGATE_SPOT'))).toBe(
      "ClientException: The FARGATE and FARGATE_SPOT capacity providers are reserved and can't be deleted.",
    );
    expect(apiErrorOf(() => providers.delete(partition, 'nope'))).toBe(
      'ClientException: The specified capacity provider was not found. Specify a valid capacity provider and try again.',
    );
  });
});

describe('clusters with Auto Scaling group providers', () => {
  it('accepts ACTIVE user providers and rejects unknown ones', () => {
    create('cp', 'g');
    const cluster = clusters.create(partition, {
      clusterName: 'c',
      capacityProviders: ['cp', 'FARGATE'],
      defaultCapacityProviderStrategy: [{ capacityProvider: 'cp', weight: 1 }],
    });
    expect(cluster.capacityProviders).toEqual(['cp', 'FARGATE']);
    expect(
      apiErrorOf(() => clusters.create(partition, { clusterName: 'd', capacityProviders: ['missing'] })),
    ).toBe("InvalidParameterException: The specified capacity provider 'missing' does not exist.");
  });

  it('rejects a strategy mixing Fargate and Auto Scaling group providers', () => {
    create('cp', 'g');
    const mixed = {
      capacityProviders: ['cp', 'FARGATE'],
      defaultCapacityProviderStrategy: [
        { capacityProvider: 'cp', weight: 1 },
        { capacityProvider: 'FARGATE', weight: 1 },
      ],
    };
    const message =
      'InvalidParameterException: A capacity provider strategy cannot contain a mix of capacity providers using Auto Scaling groups and Fargate providers. Specify one or the other and try again.';
    expect(apiErrorOf(() => clusters.create(partition, { clusterName: 'c', ...mixed }))).toBe(message);
    clusters.create(partition, { clusterName: 'c' });
    expect(apiErrorOf(() => clusters.putCapacityProviders(partition, { cluster: 'c', ...mixed }))).toBe(
      message,
    );
  });

  it('does not disassociate a provider a service still uses', () => {
    create('cp', 'g');
    const cluster = clusters.create(partition, { clusterName: 'c', capacityProviders: ['cp'] });
    const clusterArn = cluster.clusterArn ?? '';
    deps.store.transact((tx) =>
      tx.put(KIND.service, `${clusterArn}/s`, clusterArn, {
        service: { status: 'ACTIVE', capacityProviderStrategy: [{ capacityProvider: 'cp', weight: 1 }] },
      }),
    );
    expect(
      apiErrorOf(() =>
        clusters.putCapacityProviders(partition, {
          cluster: 'c',
          capacityProviders: ['FARGATE'],
          defaultCapacityProviderStrategy: [],
        }),
      ),
    ).toBe('ResourceInUseException: The specified capacity provider is in use and cannot be removed.');
  });
});

describe('container instances of an Auto Scaling group provider', () => {
  it('shows capacityProviderName when the instance’s group is a provider of its cluster', () => {
    create('cp', groupArn('web-asg'));
    clusters.create(partition, { clusterName: 'c' });
    const registered = instances.register(partition, {
      cluster: 'c',
      totalResources: toWireResources({ cpu: 1024, memory: 512, ports: [], portsUdp: [] }),
      attributes: [{ name: AUTO_SCALING_GROUP_ATTRIBUTE, value: 'web-asg' }],
    });
    const arn = registered.containerInstanceArn ?? '';
    expect(registered.capacityProviderName).toBeUndefined();
    clusters.putCapacityProviders(partition, {
      cluster: 'c',
      capacityProviders: ['cp'],
      defaultCapacityProviderStrategy: [{ capacityProvider: 'cp', weight: 1 }],
    });
    const described = instances.describe(partition, 'c', [arn], []).containerInstances[0];
    expect(described?.capacityProviderName).toBe('cp');
  });

  it('answers no group for FARGATE, FARGATE_SPOT and unknown providers', () => {
    expect(autoScalingGroupOfProvider(deps.store, partition, 'FARGATE')).toBeUndefined();
    expect(autoScalingGroupOfProvider(deps.store, partition, 'FARGATE_SPOT')).toBeUndefined();
    expect(autoScalingGroupOfProvider(deps.store, partition, 'nope')).toBeUndefined();
  });
});
