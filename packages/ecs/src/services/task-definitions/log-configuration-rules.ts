/**
 * Log configuration checks for one container: the driver enum, the drivers Fargate supports, the
 * awslogs options ECS requires and allows, and the execution role awslogs needs on Fargate.
 */
import { clientException } from '@berth/core';
import type { ContainerDefinition, LogDriver } from '@berth/wire/ecs';

import type { TaskLevel } from './task-level-rules.js';
import { checkEnum, invalidContainerSetting, isNonEmptyString } from './validation-helpers.js';

const LOG_DRIVERS: readonly LogDriver[] = [
  'json-file',
  'syslog',
  'journald',
  'gelf',
  'fluentd',
  'awslogs',
  'splunk',
  'awsfirelens',
];
const FARGATE_LOG_DRIVERS: readonly LogDriver[] = ['awslogs', 'splunk', 'awsfirelens'];
/** Required awslogs options, in the order ECS lists them when missing. */
const AWSLOGS_REQUIRED = ['awslogs-region', 'awslogs-group'] as const;
/** awslogs options ECS accepts [M LogConfiguration.options]; others are refused by name. */
const AWSLOGS_ALLOWED = new Set([
  'awslogs-create-group',
  'awslogs-region',
  'awslogs-endpoint',
  'awslogs-group',
  'awslogs-stream-prefix',
  'awslogs-datetime-format',
  'awslogs-multiline-pattern',
  'mode',
  'max-buffer-size',
]);

const optionsOf = (options: unknown, name: string): Record<string, string> => {
  if (options === undefined || options === null) return {};
  const valid =
    typeof options === 'object' &&
    !Array.isArray(options) &&
    Object.values(options).every((v) => typeof v === 'string');
  if (!valid) throw invalidContainerSetting('logConfiguration.options', name);
  return options as Record<string, string>;
};

const checkAwslogs = (options: Record<string, string>, level: TaskLevel, executionRoleArn: unknown): void => {
  const missing = AWSLOGS_REQUIRED.filter((key) => !isNonEmptyString(options[key]));
  if (missing.length > 0) throw clientException(`Log driver awslogs requires options: ${missing.join(', ')}`);
  const refused = Object.keys(options).filter((key) => !AWSLOGS_ALLOWED.has(key));
  if (refused.length > 0)
    throw clientException(`Log driver awslogs disallows options: ${refused.join(', ')}`);
  if (level.fargate && !isNonEmptyString(executionRoleArn)) {
    throw clientException(
      'Fargate requires task definition to have execution role ARN to support log driver awslogs.',
    );
  }
};

export const validateLogConfiguration = (
  container: ContainerDefinition,
  name: string,
  level: TaskLevel,
  executionRoleArn: unknown,
  containerPath: string,
): void => {
  const config: unknown = container.logConfiguration;
  if (config === undefined || config === null) return;
  if (typeof config !== 'object') throw invalidContainerSetting('logConfiguration', name);
  const { logDriver, options, secretOptions } = config as Record<string, unknown>;
  const driver = checkEnum(`${containerPath}.logConfiguration.logDriver`, logDriver, LOG_DRIVERS);
  if (driver === undefined) throw invalidContainerSetting('logConfiguration.logDriver', name);
  if (level.fargate && !FARGATE_LOG_DRIVERS.includes(driver)) {
    throw clientException(
      `Log driver ${driver} is not supported for the Fargate launch type. Supported log drivers are awslogs, splunk, and awsfirelens.`,
    );
  }
  const opts = optionsOf(options, name);
  if (driver === 'awslogs') checkAwslogs(opts, level, executionRoleArn);
  if (secretOptions !== undefined && secretOptions !== null) {
    const valid =
      Array.isArray(secretOptions) &&
      secretOptions.every(
        (s: { name?: unknown; valueFrom?: unknown } | null) =>
          isNonEmptyString(s?.name) && isNonEmptyString(s.valueFrom),
      );
    if (!valid) throw invalidContainerSetting('logConfiguration.secretOptions', name);
  }
};
