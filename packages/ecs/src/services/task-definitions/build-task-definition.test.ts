import { describe, expect, it } from 'vitest';

import { build, CTX, ec2Request, expectApiError, fargateRequest, seed } from './fixtures.test-support.js';

describe('buildTaskDefinition: the seed task definitions register verbatim', () => {
  it('web-app-task (awslogs, environment, ECR image) comes back as ECS returns it', () => {
    const td = build(seed('webAppTask'));
    expect(td).toEqual({
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web-app-task:1',
      containerDefinitions: [
        {
          name: 'web-container',
          image: '123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/web-app:latest',
          cpu: 0,
          portMappings: [{ containerPort: 80, hostPort: 80, protocol: 'tcp' }],
          essential: true,
          environment: [{ name: 'NODE_ENV', value: 'production' }],
          mountPoints: [],
          volumesFrom: [],
          logConfiguration: {
            logDriver: 'awslogs',
            options: {
              'awslogs-group': '/ecs/web-app-task',
              'awslogs-region': 'ap-northeast-2',
              'awslogs-stream-prefix': 'ecs',
            },
          },
        },
      ],
      family: 'web-app-task',
      executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      networkMode: 'awsvpc',
      revision: 1,
      volumes: [],
      status: 'ACTIVE',
      requiresAttributes: [
        { name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' },
        { name: 'com.amazonaws.ecs.capability.docker-remote-api.1.19' },
        { name: 'ecs.capability.execution-role-awslogs' },
        { name: 'com.amazonaws.ecs.capability.ecr-auth' },
        { name: 'ecs.capability.execution-role-ecr-pull' },
        { name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18' },
        { name: 'ecs.capability.task-eni' },
      ],
      placementConstraints: [],
      compatibilities: ['EC2', 'FARGATE'],
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      registeredAt: CTX.now,
      registeredBy: CTX.registeredBy,
    });
  });

  it('returns members in the order ECS does (the model order)', () => {
    const td = build(seed('webAppTask'));
    expect(Object.keys(td)).toEqual([
      'taskDefinitionArn',
      'containerDefinitions',
      'family',
      'executionRoleArn',
      'networkMode',
      'revision',
      'volumes',
      'status',
      'requiresAttributes',
      'placementConstraints',
      'compatibilities',
      'requiresCompatibilities',
      'cpu',
      'memory',
      'registeredAt',
      'registeredBy',
    ]);
    expect(Object.keys(td.containerDefinitions?.[0] ?? {})).toEqual([
      'name',
      'image',
      'cpu',
      'portMappings',
      'essential',
      'environment',
      'mountPoints',
      'volumesFrom',
      'logConfiguration',
    ]);
  });

  it('optimized-web-app keeps its health check and ulimits', () => {
    const td = build(seed('optimizedWebApp'));
    const web = td.containerDefinitions?.[0];
    expect(web?.healthCheck).toEqual({
      command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'],
      interval: 30,
      timeout: 5,
      retries: 3,
      startPeriod: 60,
    });
    expect(web?.ulimits).toEqual([{ name: 'nofile', softLimit: 65536, hardLimit: 65536 }]);
    expect(td.compatibilities).toEqual(['EC2', 'FARGATE']);
    expect(td.requiresAttributes?.map((a) => a.name)).toEqual([
      'ecs.capability.container-health-check',
      'com.amazonaws.ecs.capability.docker-remote-api.1.18',
      'com.amazonaws.ecs.capability.docker-remote-api.1.29',
      'ecs.capability.task-eni',
    ]);
  });

  it('multi-container-app: a non-essential sidecar that depends on web START', () => {
    const td = build(seed('multiContainerApp'));
    expect(td.containerDefinitions?.map((c) => [c.name, c.essential, c.cpu])).toEqual([
      ['web', true, 0],
      ['sidecar', false, 0],
    ]);
    expect(td.containerDefinitions?.[1]?.dependsOn).toEqual([{ containerName: 'web', condition: 'START' }]);
    expect(td.containerDefinitions?.[1]?.portMappings).toEqual([]);
    expect(td.requiresAttributes?.map((a) => a.name)).toContain('ecs.capability.container-ordering');
    expect(td.cpu).toBe('1024');
    expect(td.memory).toBe('2048');
  });

  it('the boto3 web-app definition', () => {
    const td = build(seed('boto3WebApp'));
    expect(td.taskDefinitionArn).toBe('arn:aws:ecs:us-east-1:123456789012:task-definition/web-app:1');
    expect(td.containerDefinitions?.[0]?.portMappings).toEqual([
      { containerPort: 80, hostPort: 80, protocol: 'tcp' },
    ]);
    expect(td.requiresAttributes).toEqual([
      { name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18' },
      { name: 'ecs.capability.task-eni' },
    ]);
  });

  it('does not change the request it was given', () => {
    const request = seed('webAppTask');
    const before = structuredClone(request);
    build(request);
    expect(request).toEqual(before);
  });
});

describe('buildTaskDefinition: what ECS fills in and echoes', () => {
  it('an EC2 definition: no networkMode or requiresCompatibilities unless given, compatibilities EC2', () => {
    const td = build(ec2Request({ portMappings: [{ containerPort: 80 }] }));
    expect(td.networkMode).toBeUndefined();
    expect(td.requiresCompatibilities).toBeUndefined();
    expect(td.cpu).toBeUndefined();
    expect(td.compatibilities).toEqual(['EC2']);
    expect(td.containerDefinitions?.[0]?.portMappings).toEqual([
      { containerPort: 80, hostPort: 0, protocol: 'tcp' },
    ]);
    expect(td.requiresAttributes).toEqual([]);
  });

  it('host mode: an omitted host port is the container port', () => {
    const td = build(
      ec2Request({ portMappings: [{ containerPort: 8080, protocol: 'udp' }] }, { networkMode: 'host' }),
    );
    expect(td.containerDefinitions?.[0]?.portMappings).toEqual([
      { containerPort: 8080, hostPort: 8080, protocol: 'udp' },
    ]);
  });

  it('awsvpc: host port 0 is returned as the container port', () => {
    const td = build(fargateRequest({ portMappings: [{ containerPort: 443, hostPort: 0 }] }));
    expect(td.containerDefinitions?.[0]?.portMappings).toEqual([
      { containerPort: 443, hostPort: 443, protocol: 'tcp' },
    ]);
  });

  it('normalizes task cpu and memory strings ("1 vCPU" → "1024", "2 GB" → "2048")', () => {
    const td = build(fargateRequest({}, { cpu: '1 vCPU', memory: '2 GB' }));
    expect([td.cpu, td.memory]).toEqual(['1024', '2048']);
    expect(build(ec2Request({}, { cpu: '0.5 vcpu', memory: '0.5GB' }))).toMatchObject({
      cpu: '512',
      memory: '512',
    });
  });

  it('fills health check interval, timeout and retries, but not startPeriod', () => {
    const td = build(ec2Request({ healthCheck: { command: ['CMD', '/bin/true'] } }));
    expect(td.containerDefinitions?.[0]?.healthCheck).toEqual({
      command: ['CMD', '/bin/true'],
      interval: 30,
      timeout: 5,
      retries: 3,
    });
  });

  it('echoes every other request member, and never the tags', () => {
    const td = build(
      fargateRequest(
        {},
        {
          taskRoleArn: 'arn:aws:iam::123456789012:role/task',
          pidMode: 'task',
          runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' },
          ephemeralStorage: { sizeInGiB: 50 },
          enableFaultInjection: false,
          tags: [{ key: 'team', value: 'web' }],
        },
      ),
    );
    expect(td).toMatchObject({
      taskRoleArn: 'arn:aws:iam::123456789012:role/task',
      pidMode: 'task',
      runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' },
      ephemeralStorage: { sizeInGiB: 50 },
      enableFaultInjection: false,
    });
    expect(td).not.toHaveProperty('tags');
  });

  it('drops members that are not in the model', () => {
    const request = ec2Request({ bogus: 1 } as object);
    expect(build(request).containerDefinitions?.[0]).not.toHaveProperty('bogus');
  });

  it('gives an EFS volume the root directory "/"', () => {
    const td = build(
      ec2Request(
        { mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }] },
        { volumes: [{ name: 'data', efsVolumeConfiguration: { fileSystemId: 'fs-1234' } }] },
      ),
    );
    expect(td.volumes).toEqual([
      { name: 'data', efsVolumeConfiguration: { fileSystemId: 'fs-1234', rootDirectory: '/' } },
    ]);
  });

  it('uses the revision, clock and caller it is given', () => {
    const td = build({ ...ec2Request(), family: 'jobs' });
    expect(td).toMatchObject({ revision: 1, registeredAt: CTX.now, registeredBy: CTX.registeredBy });
  });
});

describe('buildTaskDefinition: tags are validated (InvalidParameterException)', () => {
  const withTags =
    (tags: { key?: string; value?: string }[]): (() => unknown) =>
    () =>
      build(ec2Request({}, { tags }));

  it('at most 50', () => {
    const tags = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    expectApiError(
      withTags(tags),
      'InvalidParameterException',
      'The number of tags exceeds the limit of 50.',
    );
    expect(() => build(ec2Request({}, { tags: tags.slice(0, 50) }))).not.toThrow();
  });

  it('keys of 1–128 characters', () => {
    const message = 'Tag keys must be between 1 and 128 characters.';
    expectApiError(withTags([{ key: '', value: 'v' }]), 'InvalidParameterException', message);
    expectApiError(withTags([{ key: 'k'.repeat(129), value: 'v' }]), 'InvalidParameterException', message);
  });

  it('values of at most 256 characters', () => {
    expectApiError(
      withTags([{ key: 'k', value: 'v'.repeat(257) }]),
      'InvalidParameterException',
      'Tag values must be at most 256 characters.',
    );
  });

  it('the aws: prefix is reserved, in any case', () => {
    expectApiError(
      withTags([{ key: 'AWS:owner', value: 'v' }]),
      'InvalidParameterException',
      'Tag keys must not begin with the reserved prefix aws:.',
    );
  });
});
