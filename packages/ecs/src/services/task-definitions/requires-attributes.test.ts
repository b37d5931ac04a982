import { describe, expect, it } from 'vitest';

import { build, ec2Request, fargateRequest } from './fixtures.test-support.js';

const names = (request: Parameters<typeof build>[0]): string[] =>
  (build(request).requiresAttributes ?? []).map((a) => a.name).sort();
const ECR = '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1';
const EXEC = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';

describe('requiresAttributes, matched against real DescribeTaskDefinition output', () => {
  it('awsvpc + ECR image + execution role, no logging (as a Fargate streamlit example shows)', () => {
    expect(names(fargateRequest({ image: ECR }, { executionRoleArn: EXEC }))).toEqual(
      [
        'com.amazonaws.ecs.capability.ecr-auth',
        'ecs.capability.execution-role-ecr-pull',
        'com.amazonaws.ecs.capability.docker-remote-api.1.18',
        'ecs.capability.task-eni',
      ].sort(),
    );
  });

  it('a 2019 Rails definition: health checks, SSM secrets, dependsOn, awslogs, memoryReservation', () => {
    const logs = {
      logDriver: 'awslogs' as const,
      options: {
        'awslogs-group': '/ecs/task',
        'awslogs-region': 'us-east-1',
        'awslogs-stream-prefix': 'ecs',
      },
    };
    const check = { command: ['CMD-SHELL', 'true'], interval: 5, timeout: 5, retries: 5, startPeriod: 10 };
    const request = {
      family: 'task',
      taskRoleArn: 'arn:aws:iam::123456789012:role/task',
      executionRoleArn: EXEC,
      networkMode: 'awsvpc' as const,
      requiresCompatibilities: ['FARGATE' as const],
      cpu: '512',
      memory: '1024',
      containerDefinitions: [
        {
          name: 'nginx',
          image: `${ECR}-nginx`,
          dependsOn: [{ containerName: 'app', condition: 'HEALTHY' as const }],
          volumesFrom: [{ sourceContainer: 'app', readOnly: true }],
          logConfiguration: logs,
          portMappings: [{ containerPort: 80 }],
          healthCheck: check,
        },
        {
          name: 'app',
          image: ECR,
          memoryReservation: 500,
          healthCheck: check,
          secrets: [{ name: 'SECRET_KEY_BASE', valueFrom: 'app.secret_key_base' }],
          logConfiguration: logs,
        },
      ],
    };
    expect(names(request)).toEqual(
      [
        'ecs.capability.execution-role-awslogs',
        'com.amazonaws.ecs.capability.ecr-auth',
        'com.amazonaws.ecs.capability.docker-remote-api.1.21',
        'com.amazonaws.ecs.capability.task-iam-role',
        'ecs.capability.container-health-check',
        'ecs.capability.execution-role-ecr-pull',
        'ecs.capability.secrets.ssm.environment-variables',
        'com.amazonaws.ecs.capability.docker-remote-api.1.18',
        'ecs.capability.task-eni',
        'com.amazonaws.ecs.capability.docker-remote-api.1.29',
        'com.amazonaws.ecs.capability.logging-driver.awslogs',
        'com.amazonaws.ecs.capability.docker-remote-api.1.19',
        'ecs.capability.container-ordering',
      ].sort(),
    );
  });

  it('awslogs-create-group needs Docker API 1.29', () => {
    const options = { 'awslogs-group': 'g', 'awslogs-region': 'us-east-1', 'awslogs-create-group': 'true' };
    expect(names(ec2Request({ logConfiguration: { logDriver: 'awslogs', options } }))).toContain(
      'com.amazonaws.ecs.capability.docker-remote-api.1.29',
    );
  });

  it('a plain bridge definition requires nothing', () => {
    expect(names(ec2Request())).toEqual([]);
  });
});

describe('requiresAttributes, from the API model and the agent capability list', () => {
  const EXPECTED: [string, Parameters<typeof build>[0]][] = [
    ['com.amazonaws.ecs.capability.privileged-container', ec2Request({ privileged: true })],
    [
      'com.amazonaws.ecs.capability.docker-remote-api.1.25',
      ec2Request({ linuxParameters: { initProcessEnabled: true } }),
    ],
    ['com.amazonaws.ecs.capability.docker-remote-api.1.18', ec2Request({ dockerLabels: { a: 'b' } })],
    ['ecs.capability.pid-ipc-namespace-sharing', ec2Request({}, { pidMode: 'task' })],
    [
      'ecs.capability.env-files.s3',
      ec2Request({ environmentFiles: [{ value: 'arn:aws:s3:::b/f.env', type: 's3' }] }),
    ],
    [
      'ecs.capability.secrets.asm.environment-variables',
      ec2Request(
        { secrets: [{ name: 'S', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:s-AbC' }] },
        { executionRoleArn: EXEC },
      ),
    ],
    [
      'ecs.capability.private-registry-authentication.secretsmanager',
      ec2Request({
        repositoryCredentials: { credentialsParameter: 'arn:aws:secretsmanager:us-east-1:1:secret:r' },
      }),
    ],
    ['ecs.capability.container-restart-policy', ec2Request({ restartPolicy: { enabled: true } })],
    ['ecs.capability.firelens.fluentbit', ec2Request({ firelensConfiguration: { type: 'fluentbit' } })],
    ['ecs.capability.fault-injection', ec2Request({}, { enableFaultInjection: true })],
    [
      'ecs.capability.network.container-port-range',
      ec2Request({ portMappings: [{ containerPortRange: '9000-9001' }] }),
    ],
    [
      'ecs.capability.efs',
      ec2Request({}, { volumes: [{ name: 'efs', efsVolumeConfiguration: { fileSystemId: 'fs-1' } }] }),
    ],
  ];

  for (const [attribute, request] of EXPECTED) {
    it(attribute, () => expect(names(request)).toContain(attribute));
  }

  it('lists each attribute once, with only a name', () => {
    const td = build({
      family: 'two',
      containerDefinitions: [
        { name: 'a', image: ECR, memory: 64, healthCheck: { command: ['CMD', 'true'] } },
        { name: 'b', image: ECR, memory: 64, healthCheck: { command: ['CMD', 'true'] } },
      ],
    });
    expect(td.requiresAttributes).toEqual([
      { name: 'com.amazonaws.ecs.capability.ecr-auth' },
      { name: 'ecs.capability.container-health-check' },
    ]);
  });
});
