import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { RegisterDaemonTaskDefinitionRequest } from '@berth/wire/ecs';

import type { RunningControlPlane } from '../../test-support/unit.test-support.js';
import { apiErrorOf, startUnitControlPlane, UNIT_PARTITION } from '../../test-support/unit.test-support.js';

const partition = UNIT_PARTITION;
const ARN = 'arn:aws:ecs:us-east-1:000000000000:daemon-task-definition';
let plane: RunningControlPlane;

const agent = (
  extra: Partial<RegisterDaemonTaskDefinitionRequest> = {},
): RegisterDaemonTaskDefinitionRequest => ({
  family: 'agent',
  cpu: '256',
  memory: '512',
  containerDefinitions: [{ name: 'collector', image: 'busybox' }],
  ...extra,
});

const register = (request: RegisterDaemonTaskDefinitionRequest): string =>
  plane.services.daemonTaskDefinitions.register(partition, request, 'arn:aws:iam::000000000000:root')
    .daemonTaskDefinitionArn;

const waitFor = async (check: () => boolean): Promise<void> => {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

beforeEach(async () => {
  plane = await startUnitControlPlane();
});

afterEach(async () => {
  await plane.close();
});

describe('RegisterDaemonTaskDefinition and DescribeDaemonTaskDefinition', () => {
  it('registers revisions with AWS’s ARNs and describes the family’s latest ACTIVE one', () => {
    expect(register(agent())).toBe(`${ARN}/agent:1`);
    expect(register(agent({ tags: [{ key: 'team', value: 'ops' }] }))).toBe(`${ARN}/agent:2`);
    const { daemonTaskDefinition } = plane.services.daemonTaskDefinitions.describe(partition, 'agent');
    expect(daemonTaskDefinition).toEqual({
      daemonTaskDefinitionArn: `${ARN}/agent:2`,
      family: 'agent',
      revision: 2,
      containerDefinitions: [
        { name: 'collector', image: 'busybox', cpu: 0, essential: true, environment: [], mountPoints: [] },
      ],
      volumes: [],
      cpu: '256',
      memory: '512',
      status: 'ACTIVE',
      registeredAt: expect.any(Number) as number,
      registeredBy: 'arn:aws:iam::000000000000:root',
    });
    expect(
      plane.services.daemonTaskDefinitions.describe(partition, 'agent:1').daemonTaskDefinition.revision,
    ).toBe(1);
    expect(plane.services.tags.list(partition, `${ARN}/agent:2`)).toEqual([{ key: 'team', value: 'ops' }]);
  });

  it('validates containers with the task definition rules and keeps only daemon members', () => {
    const invalid = (request: RegisterDaemonTaskDefinitionRequest) => apiErrorOf(() => register(request));
    expect(invalid(agent({ family: '' }))).toBe('ClientException: Family can not be blank.');
    expect(invalid(agent({ family: 'bad family' }))).toBe(
      'ClientException: Family contains invalid characters.',
    );
    expect(invalid(agent({ containerDefinitions: [] }))).toBe(
      'ClientException: Container list cannot be empty.',
    );
    expect(invalid(agent({ memory: undefined as unknown as string }))).toBe(
      "ClientException: Invalid setting for container 'collector'. At least one of 'memory' or 'memoryReservation' must be specified.",
    );
    expect(invalid(agent({ containerDefinitions: [{ name: 'a', image: 'x', essential: false }] }))).toBe(
      "ClientException: Task definition doesn't have any essential container.",
    );
    expect(
      invalid(
        agent({
          containerDefinitions: [
            { name: 'a', image: 'x', dependsOn: [{ containerName: 'ghost', condition: 'START' }] },
          ],
        }),
      ),
    ).toBe("ClientException: Cannot depend on container + 'ghost' because it does not exist");
    const arn = register(
      agent({
        containerDefinitions: [
          { name: 'a', image: 'x', portMappings: [{ containerPort: 80 }], links: ['b'] } as never,
        ],
        volumes: [{ name: 'logs', host: { sourcePath: '/var/log' }, efsVolumeConfiguration: {} } as never],
      }),
    );
    const described = plane.services.daemonTaskDefinitions.describe(partition, arn).daemonTaskDefinition;
    expect(described.containerDefinitions?.[0]).not.toHaveProperty('portMappings');
    expect(described.volumes).toEqual([{ name: 'logs', host: { sourcePath: '/var/log' } }]);
  });

  it('answers unknown and malformed references with ECS errors', () => {
    const describe = (ref: unknown) =>
      apiErrorOf(() => plane.services.daemonTaskDefinitions.describe(partition, ref));
    expect(describe('ghost')).toBe('ClientException: The specified daemon task definition was not found.');
    expect(describe('ghost:0')).toBe('InvalidParameterException: Invalid revision number.');
    expect(describe('')).toBe('InvalidParameterException: Daemon Task Definition can not be blank.');
    expect(describe('arn:aws:ecs:us-east-1:000000000000:task-definition/agent:1')).toBe(
      'InvalidParameterException: Daemon Task Definition Identifier is invalid',
    );
  });
});

describe('ListDaemonTaskDefinitions', () => {
  it('filters by family, prefix, status and last revision, sorts and pages', () => {
    for (const family of ['agent', 'agent', 'agent-x', 'logs']) register(agent({ family }));
    const { daemonTaskDefinitions: tds } = plane.services;
    const arns = (request: Parameters<typeof tds.list>[1]) =>
      tds.list(partition, request).items.map((s) => s.arn);
    expect(arns({})).toEqual([`${ARN}/agent:1`, `${ARN}/agent:2`, `${ARN}/agent-x:1`, `${ARN}/logs:1`]);
    expect(arns({ family: 'agent' })).toEqual([`${ARN}/agent:1`, `${ARN}/agent:2`]);
    expect(arns({ familyPrefix: 'agent' })).toHaveLength(3);
    expect(arns({ revision: 'LAST_REGISTERED', sort: 'DESC' })).toEqual([
      `${ARN}/logs:1`,
      `${ARN}/agent-x:1`,
      `${ARN}/agent:2`,
    ]);
    const page = tds.list(partition, { maxResults: 3 });
    expect(page.items).toHaveLength(3);
    expect(tds.list(partition, { nextToken: page.nextToken }).items.map((s) => s.arn)).toEqual([
      `${ARN}/logs:1`,
    ]);
    tds.delete(partition, 'logs:1');
    expect(arns({ status: 'DELETE_IN_PROGRESS' })).toEqual([`${ARN}/logs:1`]);
    expect(arns({ status: 'ALL' })).toHaveLength(4);
    expect(tds.list(partition, {}).items[0]).toMatchObject({
      status: 'ACTIVE',
      registeredBy: expect.any(String),
    });
    expect(apiErrorOf(() => tds.list(partition, { status: 'INACTIVE' as never }))).toBe(
      'InvalidParameterException: Invalid status: INACTIVE.',
    );
    expect(apiErrorOf(() => tds.list(partition, { maxResults: 101 }))).toBe(
      'InvalidParameterException: maxResults must be between 1 and 100.',
    );
  });
});

describe('DeleteDaemonTaskDefinition', () => {
  it('goes ACTIVE → DELETE_IN_PROGRESS → DELETED once no daemon uses it', async () => {
    const arn = register(agent());
    const { daemonTaskDefinitions: tds } = plane.services;
    expect(apiErrorOf(() => tds.delete(partition, 'agent'))).toBe(
      'ClientException: Revision is required. Specify the daemon task definition as family:revision or a full ARN.',
    );
    expect(tds.delete(partition, arn)).toEqual({ daemonTaskDefinitionArn: arn });
    expect(apiErrorOf(() => tds.delete(partition, arn))).toBe(
      'ClientException: The specified daemon task definition is being deleted or has been deleted.',
    );
    await waitFor(() => tds.describe(partition, arn).daemonTaskDefinition.status === 'DELETED');
    expect(tds.describe(partition, arn).daemonTaskDefinition.deleteRequestedAt).toEqual(expect.any(Number));
    expect(apiErrorOf(() => tds.describe(partition, 'agent'))).toBe(
      'ClientException: The specified daemon task definition was not found.',
    );
  });
});
