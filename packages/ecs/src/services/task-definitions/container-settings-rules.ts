/**
 * Shape checks for a container's list settings: environment, environment files, secrets, ulimits,
 * links, mount points, volumesFrom, dependsOn and docker labels. References between containers
 * and to volumes are checked across the task (cross-container-rules).
 */
import { clientException } from '@berth/core';
import type { ContainerDefinition, UlimitName } from '@berth/wire/ecs';

import { checkEnum, invalidContainerSetting, isInt, isNonEmptyString, listOf } from './validation-helpers.js';

const ULIMIT_NAMES: readonly UlimitName[] = [
  'core',
  'cpu',
  'data',
  'fsize',
  'locks',
  'memlock',
  'msgqueue',
  'nice',
  'nofile',
  'nproc',
  'rss',
  'rtprio',
  'rttime',
  'sigpending',
  'stack',
];
const CONDITIONS = ['START', 'COMPLETE', 'SUCCESS', 'HEALTHY'] as const;
const MAX_ENVIRONMENT_FILES = 10;
/** `name` or `name:alias`. */
const LINK_PATTERN = /^[a-zA-Z0-9_-]{1,255}(:[a-zA-Z0-9_-]{1,255})?$/;

type Item = Record<string, unknown> | null | undefined;

const items = (value: unknown, field: string, name: string): readonly Item[] => {
  const list = listOf(value as Item[] | undefined, () => invalidContainerSetting(field, name));
  if (list.some((i) => typeof i !== 'object' || i === null)) throw invalidContainerSetting(field, name);
  return list;
};

const ensure = (ok: boolean, field: string, name: string): void => {
  if (!ok) throw invalidContainerSetting(field, name);
};

const checkUlimits = (container: ContainerDefinition, name: string, path: string): void => {
  const seen = new Set<string>();
  items(container.ulimits, 'ulimits', name).forEach((u, i) => {
    const limit = checkEnum(`${path}.ulimits.${i + 1}.member.name`, u?.name, ULIMIT_NAMES);
    const { softLimit, hardLimit } = u ?? {};
    ensure(limit !== undefined && !seen.has(limit), 'ulimits', name);
    ensure(isInt(softLimit) && isInt(hardLimit) && softLimit <= hardLimit, 'ulimits', name);
    seen.add(limit ?? '');
  });
};

const checkSecrets = (container: ContainerDefinition, name: string, executionRoleArn: unknown): void => {
  const secrets = items(container.secrets, 'secrets', name);
  ensure(
    secrets.every((s) => isNonEmptyString(s?.name) && isNonEmptyString(s?.valueFrom)),
    'secrets',
    name,
  );
  const logSecrets: unknown = container.logConfiguration?.secretOptions;
  const any = secrets.length > 0 || (Array.isArray(logSecrets) && logSecrets.length > 0);
  if (any && !isNonEmptyString(executionRoleArn)) {
    throw clientException(
      "When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.",
    );
  }
};

const checkEnvironment = (container: ContainerDefinition, name: string, path: string): void => {
  const environment = items(container.environment, 'environment', name);
  ensure(
    environment.every(
      (e) => isNonEmptyString(e?.name) && (e?.value === undefined || typeof e.value === 'string'),
    ),
    'environment',
    name,
  );
  const files = items(container.environmentFiles, 'environmentFiles', name);
  ensure(files.length <= MAX_ENVIRONMENT_FILES, 'environmentFiles', name);
  files.forEach((f, i) => {
    checkEnum(`${path}.environmentFiles.${i + 1}.member.type`, f?.type, ['s3']);
    ensure(f?.type === 's3' && isNonEmptyString(f.value), 'environmentFiles', name);
  });
};

const checkReferences = (container: ContainerDefinition, name: string, path: string): void => {
  const links: unknown = container.links ?? [];
  ensure(
    Array.isArray(links) && links.every((l) => typeof l === 'string' && LINK_PATTERN.test(l)),
    'links',
    name,
  );
  const mounts = items(container.mountPoints, 'mountPoints', name);
  ensure(
    mounts.every((m) => isNonEmptyString(m?.containerPath)),
    'mountPoints',
    name,
  );
  items(container.volumesFrom, 'volumesFrom', name);
  items(container.dependsOn, 'dependsOn', name).forEach((d, i) => {
    ensure(isNonEmptyString(d?.containerName), 'dependsOn', name);
    checkEnum(`${path}.dependsOn.${i + 1}.member.condition`, d?.condition, CONDITIONS);
    ensure(d?.condition !== undefined, 'dependsOn', name);
  });
  const labels: unknown = container.dockerLabels;
  if (labels !== undefined && labels !== null) {
    const valid =
      typeof labels === 'object' &&
      !Array.isArray(labels) &&
      Object.values(labels).every((v) => typeof v === 'string');
    ensure(valid, 'dockerLabels', name);
  }
};

export const validateContainerSettings = (
  container: ContainerDefinition,
  name: string,
  executionRoleArn: unknown,
  containerPath: string,
): void => {
  checkEnvironment(container, name, containerPath);
  checkSecrets(container, name, executionRoleArn);
  checkUlimits(container, name, containerPath);
  checkReferences(container, name, containerPath);
};
