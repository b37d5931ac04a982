/** GetUsageReport: decodes the request, asks the usage service, returns its report as-is. */
import { invalidParameter } from '@berth/core';

import type { GetUsageReportRequest } from '../../services/usage/usage-report.js';
import type { Operation } from '@berth/gateway';
import type { ControlPlaneServices } from '../ecs/control-plane-services.js';

const optionalString = (input: Record<string, unknown>, name: string): string | undefined => {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidParameter(`${name} must be a string.`);
  return value;
};

/** The request members GetUsageReport reads, type-checked (InvalidParameterException otherwise). */
export const usageReportRequest = (input: Record<string, unknown>): GetUsageReportRequest => {
  const cluster = optionalString(input, 'cluster');
  const serviceName = optionalString(input, 'serviceName');
  const task = optionalString(input, 'task');
  return {
    ...(cluster !== undefined ? { cluster } : {}),
    ...(serviceName !== undefined ? { serviceName } : {}),
    ...(task !== undefined ? { task } : {}),
  };
};

export const getUsageReport =
  ({ usage }: ControlPlaneServices): Operation =>
  (ctx, input) =>
    usage.report(ctx.partition, usageReportRequest(input));
