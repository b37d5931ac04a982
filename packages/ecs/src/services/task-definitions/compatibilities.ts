/**
 * The launch types a registered task definition validated against (`compatibilities`). EC2 is
 * always listed; FARGATE when the definition would also pass the Fargate checks (awsvpc, a
 * Fargate task size, no host namespaces, Fargate log drivers, …), as ECS lists ["EC2","FARGATE"]
 * for Fargate-compatible definitions; EXTERNAL and MANAGED_INSTANCES only when required.
 */
import type { Compatibility, ContainerDefinition, TaskDefinition } from '@berth/wire/ecs';

import { isFargateSize } from './fargate-rules.js';
import { ECR_IMAGE } from './validation-helpers.js';

const FARGATE_LOG_DRIVERS: readonly string[] = ['awslogs', 'splunk', 'awsfirelens'];
const FARGATE_MAX_TIMEOUT = 120;

const fargateContainer = (c: ContainerDefinition, executionRoleArn: string | undefined): boolean => {
  const driver = c.logConfiguration?.logDriver;
  return (
    c.privileged !== true &&
    (c.stopTimeout ?? 0) <= FARGATE_MAX_TIMEOUT &&
    (c.startTimeout === undefined || (c.startTimeout >= 2 && c.startTimeout <= FARGATE_MAX_TIMEOUT)) &&
    (driver === undefined || FARGATE_LOG_DRIVERS.includes(driver)) &&
    (driver !== 'awslogs' || executionRoleArn !== undefined) &&
    (!ECR_IMAGE.test(c.image ?? '') || executionRoleArn !== undefined)
  );
};

/** Whether a normalized task definition (cpu/memory already in units) fits Fargate. */
export const isFargateCompatible = (td: TaskDefinition): boolean => {
  const windows = td.runtimePlatform?.operatingSystemFamily?.startsWith('WINDOWS') ?? false;
  const cpu = Number(td.cpu);
  const memory = Number(td.memory);
  return (
    td.networkMode === 'awsvpc' &&
    td.cpu !== undefined &&
    td.memory !== undefined &&
    isFargateSize(cpu, memory, windows) &&
    td.pidMode !== 'host' &&
    td.ipcMode === undefined &&
    (td.volumes ?? []).every((v) => v.dockerVolumeConfiguration === undefined) &&
    (td.containerDefinitions ?? []).every((c) => fargateContainer(c, td.executionRoleArn))
  );
};

export const compatibilitiesOf = (td: TaskDefinition): Compatibility[] => {
  const required = td.requiresCompatibilities ?? [];
  return [
    'EC2',
    ...(isFargateCompatible(td) ? (['FARGATE'] as const) : []),
    ...(['EXTERNAL', 'MANAGED_INSTANCES'] as const).filter((c) => required.includes(c)),
  ];
};
