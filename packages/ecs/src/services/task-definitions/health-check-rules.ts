/**
 * Container health check checks [M HealthCheck]: the command starts with CMD or CMD-SHELL;
 * interval 5–300 s, timeout 2–60 s, retries 1–10, startPeriod 0–300 s.
 */
import type { ContainerDefinition, HealthCheck } from '@berth/wire/ecs';

import { invalidContainerSetting, isInt } from './validation-helpers.js';

/** Defaults ECS fills in and returns when a health check leaves them out (startPeriod stays off). */
export const HEALTH_CHECK_DEFAULTS = { interval: 30, timeout: 5, retries: 3 } as const;

const RANGES = {
  interval: { min: 5, max: 300 },
  timeout: { min: 2, max: 60 },
  retries: { min: 1, max: 10 },
  startPeriod: { min: 0, max: 300 },
} as const satisfies Record<keyof Omit<HealthCheck, 'command'>, { min: number; max: number }>;

const validCommand = (command: unknown): boolean =>
  Array.isArray(command) &&
  command.length >= 2 &&
  command.every((part) => typeof part === 'string') &&
  (command[0] === 'CMD' || command[0] === 'CMD-SHELL');

export const validateHealthCheck = (container: ContainerDefinition, name: string): void => {
  const check: unknown = container.healthCheck;
  if (check === undefined || check === null) return;
  if (typeof check !== 'object') throw invalidContainerSetting('healthCheck', name);
  const healthCheck = check as Partial<HealthCheck>;
  if (!validCommand(healthCheck.command)) throw invalidContainerSetting('healthCheck.command', name);
  for (const [field, { min, max }] of Object.entries(RANGES)) {
    const value: unknown = healthCheck[field as keyof typeof RANGES];
    if (value === undefined) continue;
    if (!isInt(value) || value < min || value > max)
      throw invalidContainerSetting(`healthCheck.${field}`, name);
  }
};
