/** Validation of RunTask/StartTask parameters that does not need the store. Pure. */
import { invalidParameter, clientException } from '@berth/core';
import type { NetworkConfiguration, TaskDefinition, TaskOverride } from '@berth/wire/ecs';

export const MAX_RUN_TASK_COUNT = 10;

export const validateCount = (count: number | undefined): number => {
  const value = count ?? 1;
  if (!Number.isInteger(value) || value < 1 || value > MAX_RUN_TASK_COUNT) {
    throw invalidParameter(`count must be between 1 and ${MAX_RUN_TASK_COUNT}.`);
  }
  return value;
};

export const validateNetworkConfiguration = (
  definition: TaskDefinition,
  network: NetworkConfiguration | undefined,
): void => {
  const awsvpc = definition.networkMode === 'awsvpc';
  if (awsvpc && !network?.awsvpcConfiguration) {
    throw invalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
  }
  if (!awsvpc && network?.awsvpcConfiguration) {
    throw invalidParameter(
      'Network Configuration is not valid for the given networkMode of this task definition.',
    );
  }
  if (awsvpc && (network?.awsvpcConfiguration?.subnets ?? []).length === 0) {
    throw invalidParameter('subnets can not be empty.');
  }
  if ((network?.awsvpcConfiguration?.subnets ?? []).length > 16) {
    throw invalidParameter('subnets can have at most 16 items.');
  }
  if ((network?.awsvpcConfiguration?.securityGroups ?? []).length > 5) {
    throw invalidParameter('securityGroups can have at most 5 items.');
  }
};

export const validateOverrides = (
  definition: TaskDefinition,
  overrides: TaskOverride | undefined,
): TaskOverride => {
  const names = new Set((definition.containerDefinitions ?? []).map((c) => c.name));
  for (const override of overrides?.containerOverrides ?? []) {
    if (!override.name || !names.has(override.name)) {
      throw invalidParameter(
        `Override for container named ${String(override.name)} is not a container in the TaskDefinition.`,
      );
    }
  }
  return overrides ?? {};
};

export const validateInactiveDefinition = (definition: TaskDefinition): void => {
  if (definition.status !== 'ACTIVE') throw clientException('TaskDefinition is inactive');
};

export const validateStartedBy = (startedBy: string | undefined): void => {
  if (startedBy !== undefined && (startedBy.length > 128 || !/^[a-zA-Z0-9_./-]*$/.test(startedBy))) {
    throw invalidParameter(
      'startedBy must be up to 128 letters (uppercase and lowercase), numbers, hyphens, underscores, periods and forward slashes.',
    );
  }
};
