/**
 * The container-instance attributes a task definition requires, as ECS derives them at
 * registration (`requiresAttributes`). ECS publishes no algorithm; each rule below is taken from
 * the API model's "requires version 1.xx of the Docker Remote API" notes, the agent's capability
 * list (amazon-ecs-agent agent/app/agent_capability.go), and the attribute sets seen in real
 * DescribeTaskDefinition output. Attributes carry only a name, as ECS returns them.
 */
import type { Attribute, ContainerDefinition, TaskDefinition } from '@berth/wire/ecs';

import { ECR_IMAGE } from './validation-helpers.js';

const LEGACY = 'com.amazonaws.ecs.capability.';
const CURRENT = 'ecs.capability.';
const dockerApi = (version: string): string => `${LEGACY}docker-remote-api.${version}`;

const SECRETS_MANAGER = /^arn:aws[a-z-]*:secretsmanager:/;

type Rule = (td: TaskDefinition, containers: readonly ContainerDefinition[]) => readonly string[];

const when = (condition: boolean, ...names: string[]): readonly string[] => (condition ? names : []);
const any = (
  containers: readonly ContainerDefinition[],
  test: (c: ContainerDefinition) => boolean,
): boolean => containers.some(test);
const secretKinds = (valueFroms: readonly string[], suffix: string): readonly string[] => [
  ...when(
    valueFroms.some((v) => !SECRETS_MANAGER.test(v)),
    `${CURRENT}secrets.ssm.${suffix}`,
  ),
  ...when(
    valueFroms.some((v) => SECRETS_MANAGER.test(v)),
    `${CURRENT}secrets.asm.${suffix}`,
  ),
];

const RULES: readonly Rule[] = [
  (_, cs) =>
    cs.flatMap((c) =>
      when(c.logConfiguration !== undefined, `${LEGACY}logging-driver.${c.logConfiguration?.logDriver}`),
    ),
  (_, cs) =>
    when(
      any(cs, (c) => Object.keys(c.logConfiguration?.options ?? {}).length > 0),
      dockerApi('1.19'),
    ),
  (td, cs) =>
    when(
      td.executionRoleArn !== undefined && any(cs, (c) => c.logConfiguration?.logDriver === 'awslogs'),
      `${CURRENT}execution-role-awslogs`,
    ),
  (_, cs) =>
    when(
      any(cs, (c) => ECR_IMAGE.test(c.image ?? '')),
      `${LEGACY}ecr-auth`,
    ),
  (td, cs) =>
    when(
      td.executionRoleArn !== undefined && any(cs, (c) => ECR_IMAGE.test(c.image ?? '')),
      `${CURRENT}execution-role-ecr-pull`,
    ),
  (td) => when(td.taskRoleArn !== undefined, `${LEGACY}task-iam-role`),
  (_, cs) =>
    when(
      any(cs, (c) => c.healthCheck !== undefined),
      `${CURRENT}container-health-check`,
    ),
  (_, cs) =>
    secretKinds(
      cs.flatMap((c) => (c.secrets ?? []).map((s) => s.valueFrom)),
      'environment-variables',
    ),
  (_, cs) =>
    secretKinds(
      cs.flatMap((c) => (c.logConfiguration?.secretOptions ?? []).map((s) => s.valueFrom)),
      'bootstrap.log-driver',
    ),
  (_, cs) =>
    when(
      any(cs, (c) => c.repositoryCredentials !== undefined),
      `${CURRENT}private-registry-authentication.secretsmanager`,
    ),
  (_, cs) =>
    when(
      any(cs, (c) => (c.environmentFiles ?? []).length > 0),
      `${CURRENT}env-files.s3`,
    ),
  (td, cs) =>
    when(
      (td.networkMode !== undefined && td.networkMode !== 'bridge') ||
        any(
          cs,
          (c) => c.logConfiguration !== undefined || c.ulimits !== undefined || c.dockerLabels !== undefined,
        ),
      dockerApi('1.18'),
    ),
  (_, cs) =>
    when(
      any(cs, (c) => c.memoryReservation !== undefined),
      dockerApi('1.21'),
    ),
  (_, cs) =>
    when(
      any(cs, (c) => c.linuxParameters?.initProcessEnabled === true),
      dockerApi('1.25'),
    ),
  (_, cs) =>
    when(
      any(
        cs,
        (c) =>
          c.healthCheck?.startPeriod !== undefined ||
          c.logConfiguration?.options?.['awslogs-create-group'] !== undefined,
      ),
      dockerApi('1.29'),
    ),
  (td) => when(td.networkMode === 'awsvpc', `${CURRENT}task-eni`),
  (_, cs) =>
    when(
      any(cs, (c) => (c.dependsOn ?? []).length > 0),
      `${CURRENT}container-ordering`,
    ),
  (_, cs) =>
    when(
      any(cs, (c) => c.privileged === true),
      `${LEGACY}privileged-container`,
    ),
  (td) => when(td.pidMode !== undefined || td.ipcMode !== undefined, `${CURRENT}pid-ipc-namespace-sharing`),
  (td) =>
    when(
      (td.volumes ?? []).some((v) => v.efsVolumeConfiguration !== undefined),
      `${CURRENT}efs`,
    ),
  (td) =>
    when(
      (td.volumes ?? []).some((v) => v.efsVolumeConfiguration?.authorizationConfig !== undefined),
      `${CURRENT}efsAuth`,
    ),
  (_, cs) =>
    cs.flatMap((c) =>
      when(c.firelensConfiguration !== undefined, `${CURRENT}firelens.${c.firelensConfiguration?.type}`),
    ),
  (td) => when(td.proxyConfiguration !== undefined, `${CURRENT}aws-appmesh`),
  (td) => when((td.inferenceAccelerators ?? []).length > 0, `${CURRENT}task-eia`),
  (_, cs) =>
    when(
      any(cs, (c) => c.restartPolicy?.enabled === true),
      `${CURRENT}container-restart-policy`,
    ),
  (_, cs) =>
    when(
      any(cs, (c) => (c.portMappings ?? []).some((m) => m.containerPortRange !== undefined)),
      `${CURRENT}network.container-port-range`,
    ),
  (td) => when(td.enableFaultInjection === true, `${CURRENT}fault-injection`),
];

/** Derives the attributes from a normalized task definition (without `requiresAttributes`). */
export const requiresAttributes = (td: TaskDefinition): Attribute[] => {
  const containers = td.containerDefinitions ?? [];
  const names = new Set(RULES.flatMap((rule) => rule(td, containers)));
  return [...names].map((name) => ({ name }));
};
