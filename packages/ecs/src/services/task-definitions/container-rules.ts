/**
 * Checks for one container definition: name, image, CPU and memory, timeouts, network-mode
 * restrictions, then ports, health check, logging and list settings.
 */
import { clientException } from '@berth/core';
import type { ContainerDefinition, RegisterTaskDefinitionRequest } from '@berth/wire/ecs';

import { validateContainerSettings } from './container-settings-rules.js';
import { validateHealthCheck } from './health-check-rules.js';
import { validateLogConfiguration } from './log-configuration-rules.js';
import { validatePortMappings } from './port-mapping-rules.js';
import type { TaskLevel } from './task-level-rules.js';
import {
  ECR_IMAGE,
  invalidContainerSetting,
  isInt,
  isNonEmptyString,
  NAME_PATTERN,
} from './validation-helpers.js';

/** Docker 20.10+ reserves at least 6 MiB per container [M ContainerDefinition.memory]. */
export const MIN_CONTAINER_MEMORY_MIB = 6;
/** Fargate bounds on container timeouts [M ContainerDefinition.startTimeout/stopTimeout]. */
const FARGATE_TIMEOUT = { startMin: 2, max: 120 } as const;
/**
 * Up to 255 letters, numbers, hyphens, underscores, colons, periods, forward slashes and number
 * signs; a digest reference adds `@sha256:` and 64 hex digits [M ContainerDefinition.image].
 */
const IMAGE_PATTERN = /^[A-Za-z0-9_:./#-]{1,255}(@sha256:[A-Fa-f0-9]{64})?$/;

const checkName = (name: unknown): string => {
  if (name === undefined || name === null || name === '') {
    throw clientException('Container.name should not be null or empty.');
  }
  if (typeof name !== 'string' || !NAME_PATTERN.test(name)) {
    throw clientException('Container.name contains invalid characters.');
  }
  return name;
};

const checkImage = (image: unknown, level: TaskLevel, executionRoleArn: unknown): void => {
  if (image === undefined || image === null || image === '') {
    throw clientException('Container.image should not be null or empty.');
  }
  if (typeof image !== 'string' || !IMAGE_PATTERN.test(image)) {
    throw clientException('Container.image contains invalid characters.');
  }
  if (level.fargate && ECR_IMAGE.test(image) && !isNonEmptyString(executionRoleArn)) {
    throw clientException(
      'Fargate requires task definition to have execution role ARN to support ECR images.',
    );
  }
};

const checkResources = (container: ContainerDefinition, name: string, level: TaskLevel): void => {
  const { cpu, memory, memoryReservation } = container;
  if (cpu !== undefined && (!isInt(cpu) || cpu < 0)) throw invalidContainerSetting('cpu', name);
  if (memory !== undefined && (!isInt(memory) || memory < MIN_CONTAINER_MEMORY_MIB)) {
    throw invalidContainerSetting('memory', name);
  }
  if (
    memoryReservation !== undefined &&
    (!isInt(memoryReservation) || memoryReservation < MIN_CONTAINER_MEMORY_MIB)
  ) {
    throw invalidContainerSetting('memoryReservation', name);
  }
  if (level.memory === undefined && memory === undefined && memoryReservation === undefined) {
    throw clientException(
      `Invalid setting for container '${name}'. At least one of 'memory' or 'memoryReservation' must be specified.`,
    );
  }
  if (memory !== undefined && memoryReservation !== undefined && memory < memoryReservation) {
    throw clientException(
      `Invalid setting for container '${name}'. 'memoryReservation' must be less than or equal to 'memory'.`,
    );
  }
  if (memory !== undefined && level.memory !== undefined && memory > level.memory) {
    throw clientException(`The 'memory' setting for container '${name}' is greater than for the task.`);
  }
};

const checkTimeouts = (container: ContainerDefinition, name: string, level: TaskLevel): void => {
  const { startTimeout, stopTimeout } = container;
  const startMin = level.fargate ? FARGATE_TIMEOUT.startMin : 0;
  const max = level.fargate ? FARGATE_TIMEOUT.max : Number.MAX_SAFE_INTEGER;
  if (startTimeout !== undefined && (!isInt(startTimeout) || startTimeout < startMin || startTimeout > max)) {
    throw invalidContainerSetting('startTimeout', name);
  }
  if (stopTimeout !== undefined && (!isInt(stopTimeout) || stopTimeout < 0 || stopTimeout > max)) {
    throw invalidContainerSetting('stopTimeout', name);
  }
};

const checkNetworkRestrictions = (container: ContainerDefinition, name: string, level: TaskLevel): void => {
  const mode = level.networkMode;
  if (container.hostname !== undefined && mode === 'awsvpc') {
    throw clientException('hostname is not supported on container when networkMode=awsvpc.');
  }
  if (Array.isArray(container.links) && container.links.length > 0 && mode !== 'bridge') {
    throw clientException(`Links are not supported when networkMode=${mode}.`);
  }
  if (container.privileged === true && level.fargate) throw invalidContainerSetting('privileged', name);
};

/** Validates container `index` (0-based) of the request; returns its name. */
export const validateContainer = (
  request: RegisterTaskDefinitionRequest,
  index: number,
  level: TaskLevel,
): string => {
  const container: unknown = request.containerDefinitions[index];
  if (typeof container !== 'object' || container === null) {
    throw clientException('Container.name should not be null or empty.');
  }
  const def = container as ContainerDefinition;
  const name = checkName(def.name);
  checkImage(def.image, level, request.executionRoleArn);
  checkResources(def, name, level);
  checkTimeouts(def, name, level);
  checkNetworkRestrictions(def, name, level);
  const path = `containerDefinitions.${index + 1}.member`;
  validatePortMappings(def, name, level.networkMode, path);
  validateHealthCheck(def, name);
  validateLogConfiguration(def, name, level, request.executionRoleArn, path);
  validateContainerSettings(def, name, request.executionRoleArn, path);
  return name;
};
