import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { toWireResources } from '@berth/core';

import type { RunningControlPlane } from '../../test-support/unit.test-support.js';
import { apiErrorOf, UNIT_PARTITION, startUnitControlPlane } from '../../test-support/unit.test-support.js';
import { KIND, type TaskRecord } from '../records.js';

const partition = UNIT_PARTITION;
const ROOT = 'arn:aws:iam::000000000000:root';
const USER = 'arn:aws:iam::000000000000:user/alice';
let plane: RunningControlPlane;

beforeEach(async () => {
  plane = await startUnitControlPlane();
});

afterEach(async () => {
  await plane.close();
});

const settings = () => plane.services.accountSettings;

describe('account settings', () => {
  it('puts, lists and deletes a principal’s own settings', () => {
    expect(settings().put(partition, ROOT, { name: 'awsvpcTrunking', value: 'enabled' })).toEqual({
      name: 'awsvpcTrunking',
      value: 'enabled',
      principalArn: ROOT,
      type: 'user',
    });
    settings().put(partition, ROOT, { name: 'containerInsights', value: 'enhanced', principalArn: USER });
    expect(settings().list(partition, ROOT, {}).items).toEqual([
      { name: 'awsvpcTrunking', value: 'enabled', principalArn: ROOT, type: 'user' },
    ]);
    expect(settings().list(partition, ROOT, { principalArn: USER }).items).toEqual([
      { name: 'containerInsights', value: 'enhanced', principalArn: USER, type: 'user' },
    ]);
    expect(settings().delete(partition, ROOT, { name: 'awsvpcTrunking' }).value).toBe('enabled');
    expect(settings().list(partition, ROOT, {}).items).toEqual([]);
  });

  it('lists effective settings: own, else the account default, else AWS’s default', () => {
    settings().putDefault(partition, { name: 'containerInsights', value: 'enabled' });
    settings().put(partition, ROOT, { name: 'defaultLogDriverMode', value: 'blocking', principalArn: USER });
    const effective = settings().list(partition, ROOT, { principalArn: USER, effectiveSettings: true });
    expect(effective.nextToken).toBeDefined();
    const rest = settings().list(partition, ROOT, {
      principalArn: USER,
      effectiveSettings: true,
      nextToken: effective.nextToken,
    });
    const all = [...effective.items, ...rest.items];
    expect(effective.items).toHaveLength(10);
    expect(Object.fromEntries(all.map((s) => [s.name, s.value]))).toEqual({
      serviceLongArnFormat: 'enabled',
      taskLongArnFormat: 'enabled',
      containerInstanceLongArnFormat: 'enabled',
      awsvpcTrunking: 'disabled',
      containerInsights: 'enabled',
      fargateFIPSMode: 'disabled',
      tagResourceAuthorization: 'on',
      fargateTaskRetirementWaitPeriod: '7',
      guardDutyActivate: 'off',
      defaultLogDriverMode: 'blocking',
      fargateEventWindows: 'disabled',
      dualStackIPv6: 'enabled',
    });
    expect(all.find((s) => s.name === 'guardDutyActivate')?.type).toBe('aws_managed');
    expect(
      settings()
        .list(partition, ROOT, { name: 'containerInsights', value: 'enabled', effectiveSettings: true })
        .items.map((s) => s.name),
    ).toEqual(['containerInsights']);
    expect(
      settings().list(partition, ROOT, {
        name: 'containerInsights',
        value: 'disabled',
        effectiveSettings: true,
      }).items,
    ).toEqual([]);
    expect(settings().list(partition, ROOT, { maxResults: 2, effectiveSettings: true }).items).toHaveLength(
      2,
    );
  });

  it('answers bad input with ECS errors', () => {
    expect(apiErrorOf(() => settings().put(partition, ROOT, { name: 'unknown', value: 'enabled' }))).toBe(
      'InvalidParameterException: unknown should be one of [serviceLongArnFormat,taskLongArnFormat,containerInstanceLongArnFormat,awsvpcTrunking,containerInsights,fargateFIPSMode,tagResourceAuthorization,fargateTaskRetirementWaitPeriod,guardDutyActivate,defaultLogDriverMode,fargateEventWindows,dualStackIPv6]',
    );
    expect(
      apiErrorOf(() => settings().put(partition, ROOT, { name: 'taskLongArnFormat', value: 'ENABLED' })),
    ).toBe("InvalidParameterException: Invalid setting 'value'");
    expect(
      apiErrorOf(() =>
        settings().putDefault(partition, { name: 'tagResourceAuthorization', value: 'enabled' }),
      ),
    ).toBe("InvalidParameterException: Invalid setting 'value'");
    expect(
      apiErrorOf(() =>
        settings().put(partition, ROOT, { name: 'fargateTaskRetirementWaitPeriod', value: '3' }),
      ),
    ).toBe("InvalidParameterException: Invalid setting 'value'");
    expect(
      apiErrorOf(() =>
        settings().put(partition, ROOT, {
          name: 'fargateTaskRetirementWaitPeriod',
          value: '14',
          principalArn: USER,
        }),
      ),
    ).toMatch(/^InvalidParameterException: You must use the root user/);
    expect(
      settings().put(partition, ROOT, { name: 'fargateTaskRetirementWaitPeriod', value: '0' }).value,
    ).toBe('0');
    expect(
      apiErrorOf(() => settings().put(partition, ROOT, { name: 'guardDutyActivate', value: 'on' })),
    ).toMatch(/^InvalidParameterException: The guardDutyActivate account setting is managed by AWS/);
    expect(
      apiErrorOf(() => settings().putDefault(partition, { name: 'serviceLongArnFormat', value: 'disabled' })),
    ).toMatch(/^InvalidParameterException: The long ARN and resource ID format can no longer be disabled/);
    expect(
      apiErrorOf(() => settings().putDefault(partition, { name: 'fargateFIPSMode', value: 'enabled' })),
    ).toMatch(/^UnsupportedFeatureException: /);
    expect(
      apiErrorOf(() =>
        settings().put(partition, ROOT, {
          name: 'awsvpcTrunking',
          value: 'enabled',
          principalArn: 'arn:aws:iam::111111111111:root',
        }),
      ),
    ).toMatch(/^InvalidParameterException: Invalid principalArn/);
    expect(
      apiErrorOf(() =>
        settings().put(partition, ROOT, {
          name: 'awsvpcTrunking',
          value: 'enabled',
          principalArn: 'arn:aws:sts::000000000000:federated-user/bob',
        }),
      ),
    ).toMatch(/^InvalidParameterException: Federated users assume the account setting of the root user/);
    expect(
      apiErrorOf(() =>
        settings().put(partition, USER, { name: 'awsvpcTrunking', value: 'enabled', principalArn: ROOT }),
      ),
    ).toMatch(/^AccessDeniedException: /);
    expect(apiErrorOf(() => settings().list(partition, ROOT, { value: 'enabled' }))).toMatch(
      /^InvalidParameterException: value can only be given together with name/,
    );
    expect(apiErrorOf(() => settings().list(partition, ROOT, { maxResults: 11 }))).toBe(
      'InvalidParameterException: maxResults must be between 1 and 10.',
    );
  });

  it('gives new clusters the containerInsights setting in effect', () => {
    const { clusters } = plane.services;
    expect(clusters.create(partition, { clusterName: 'before' }).settings).toEqual([
      { name: 'containerInsights', value: 'disabled' },
    ]);
    settings().putDefault(partition, { name: 'containerInsights', value: 'enhanced' });
    expect(clusters.create(partition, { clusterName: 'after' }).settings).toEqual([
      { name: 'containerInsights', value: 'enhanced' },
    ]);
    expect(
      clusters.create(partition, {
        clusterName: 'own',
        settings: [{ name: 'containerInsights', value: 'disabled' }],
      }).settings,
    ).toEqual([{ name: 'containerInsights', value: 'disabled' }]);
    settings().put(partition, ROOT, { name: 'containerInsights', value: 'enabled', principalArn: USER });
    expect(clusters.create(partition, { clusterName: 'alice' }, USER).settings).toEqual([
      { name: 'containerInsights', value: 'enabled' },
    ]);
  });

  it('gives containers without a log delivery mode the defaultLogDriverMode in effect', () => {
    const { clusters, containerInstances, taskDefinitions, tasks } = plane.services;
    clusters.create(partition, { clusterName: 'c' });
    const log = {
      logDriver: 'awslogs' as const,
      options: { 'awslogs-group': 'g', 'awslogs-region': 'us-east-1' },
    };
    taskDefinitions.register(
      partition,
      {
        family: 'logs',
        containerDefinitions: [
          { name: 'default', image: 'x', memory: 64, logConfiguration: log },
          {
            name: 'own',
            image: 'x',
            memory: 64,
            logConfiguration: { ...log, options: { ...log.options, mode: 'blocking' } },
          },
          { name: 'none', image: 'x', memory: 64 },
        ],
      },
      'unit',
    );
    containerInstances.register(partition, {
      cluster: 'c',
      totalResources: toWireResources({ cpu: 2048, memory: 2048, ports: [], portsUdp: [] }),
      attributes: taskDefinitions.describe(partition, 'logs', []).taskDefinition.requiresAttributes ?? [],
    });
    const modes = (): (string | undefined)[] => {
      const arn = tasks.run(partition, { cluster: 'c', taskDefinition: 'logs' }).tasks[0]?.taskArn ?? '';
      const record = plane.store.get<TaskRecord>(KIND.task, arn);
      return (record?.containerDefinitions ?? []).map((c) => c.logConfiguration?.options?.['mode']);
    };
    expect(modes()).toEqual(['non-blocking', 'blocking', undefined]);
    settings().putDefault(partition, { name: 'defaultLogDriverMode', value: 'blocking' });
    expect(modes()).toEqual(['blocking', 'blocking', undefined]);
    const definition = taskDefinitions.describe(partition, 'logs', []).taskDefinition;
    expect(definition.containerDefinitions?.[0]?.logConfiguration?.options?.['mode']).toBeUndefined();
  });
});
