/** Shared test fixtures: request builders, the seed task definitions, and an error matcher. */
import { ApiError } from '@berth/core';
import type { ContainerDefinition, RegisterTaskDefinitionRequest, TaskDefinition } from '@berth/wire/ecs';
import { expect } from 'vitest';

import { buildTaskDefinition, type BuildTaskDefinitionContext } from './build-task-definition.js';

export const CTX: BuildTaskDefinitionContext = {
  partition: { accountId: '123456789012', region: 'us-east-1' },
  revision: 1,
  now: 1_700_000_000.5,
  registeredBy: 'arn:aws:iam::123456789012:root',
};

/** A minimal valid EC2 (bridge) definition with one container. */
export const ec2Request = (
  container: Overrides<ContainerDefinition> = {},
  task: Overrides<RegisterTaskDefinitionRequest> = {},
): RegisterTaskDefinitionRequest =>
  ({
    family: 'app',
    containerDefinitions: [{ name: 'web', image: 'nginx:latest', memory: 128, ...container }],
    ...task,
  }) as RegisterTaskDefinitionRequest;

/** A minimal valid Fargate definition (awsvpc, 256/512) with one container. */
export const fargateRequest = (
  container: Overrides<ContainerDefinition> = {},
  task: Overrides<RegisterTaskDefinitionRequest> = {},
): RegisterTaskDefinitionRequest =>
  ({
    family: 'app',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    containerDefinitions: [{ name: 'web', image: 'nginx:latest', ...container }],
    ...task,
  }) as RegisterTaskDefinitionRequest;

/** Overrides may set members to undefined, to remove a default. */
type Overrides<T> = { [K in keyof T]?: T[K] | undefined };

export const build = (request: RegisterTaskDefinitionRequest): TaskDefinition =>
  buildTaskDefinition(request, CTX);

/** Asserts that `fn` throws an ApiError with exactly this code and message. */
export const expectApiError = (fn: () => unknown, code: string, message: string): void => {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'expected an ApiError to be thrown').toBeInstanceOf(ApiError);
  const error = thrown as ApiError;
  expect({ code: error.code, message: error.message, status: error.httpStatus }).toEqual({
    code,
    message,
    status: 400,
  });
};

export const expectClientException = (request: RegisterTaskDefinitionRequest, message: string): void =>
  expectApiError(() => build(request), 'ClientException', message);

/** The four seed task definitions (/work/shared/seeds/000_*.txt), verbatim. */
export const SEEDS = {
  webAppTask: {
    family: 'web-app-task',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    containerDefinitions: [
      {
        name: 'web-container',
        image: '123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/web-app:latest',
        portMappings: [{ containerPort: 80, protocol: 'tcp' }],
        essential: true,
        logConfiguration: {
          logDriver: 'awslogs',
          options: {
            'awslogs-group': '/ecs/web-app-task',
            'awslogs-region': 'ap-northeast-2',
            'awslogs-stream-prefix': 'ecs',
          },
        },
        environment: [{ name: 'NODE_ENV', value: 'production' }],
      },
    ],
  },
  optimizedWebApp: {
    family: 'optimized-web-app',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '512',
    memory: '1024',
    containerDefinitions: [
      {
        name: 'web',
        image: 'nginx:alpine',
        portMappings: [{ containerPort: 80 }],
        essential: true,
        healthCheck: {
          command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'],
          interval: 30,
          timeout: 5,
          retries: 3,
          startPeriod: 60,
        },
        ulimits: [{ name: 'nofile', softLimit: 65536, hardLimit: 65536 }],
      },
    ],
  },
  multiContainerApp: {
    family: 'multi-container-app',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '1024',
    memory: '2048',
    containerDefinitions: [
      { name: 'web', image: 'nginx:alpine', portMappings: [{ containerPort: 80 }], essential: true },
      {
        name: 'sidecar',
        image: 'fluentd:latest',
        essential: false,
        dependsOn: [{ containerName: 'web', condition: 'START' }],
      },
    ],
  },
  boto3WebApp: {
    family: 'web-app',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    containerDefinitions: [
      { name: 'web', image: 'nginx:latest', portMappings: [{ containerPort: 80 }], essential: true },
    ],
  },
} as const satisfies Record<string, RegisterTaskDefinitionRequest>;

/** A deep, mutable copy of a seed, for requests that go on the wire as plain JSON. */
export const seed = (name: keyof typeof SEEDS): RegisterTaskDefinitionRequest => structuredClone(SEEDS[name]);
