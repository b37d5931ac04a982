/** Validation and defaults of task-set parameters that need no store. Pure. */
import { invalidParameter, unsupportedFeature } from '@berth/core';
import type { CreateTaskSetRequest, NetworkConfiguration, Scale } from '@berth/wire/ecs';

export interface ValidScale {
  readonly value: number;
  readonly unit: 'PERCENT';
}

/**
 * CreateTaskSet without a scale: 0 %, the value the AWS CLI's own create-task-set example shows
 * for a request without `--scale` [aws-cli awscli/examples/ecs/create-task-set.rst].
 */
export const DEFAULT_SCALE: ValidScale = { value: 0, unit: 'PERCENT' };

/** A scale is a percentage of the service's desiredCount, 0–100, in unit PERCENT [M Scale, ScaleUnit]. */
export const validateScale = (scale: Scale | undefined): ValidScale => {
  if (scale === undefined) return DEFAULT_SCALE;
  const unit = scale.unit ?? 'PERCENT';
  // (impl) ECS's wordings for a bad unit or value are not published.
  if (unit !== 'PERCENT')
    throw invalidParameter(`Invalid scale unit: ${String(unit)}. Valid values: PERCENT.`);
  const value = scale.value ?? 0;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) {
    throw invalidParameter('The scale value must be a number between 0 and 100.');
  }
  return { value, unit };
};

/** "Up to 36 ASCII characters in the range of 33-126 (inclusive) are allowed." [M CreateTaskSet.clientToken] */
export const validateClientToken = (token: string | undefined): void => {
  if (token === undefined) return;
  const ascii = [...token].every((c) => c.charCodeAt(0) >= 33 && c.charCodeAt(0) <= 126);
  if (token.length < 1 || token.length > 36 || !ascii) {
    // (impl) wording.
    throw invalidParameter('clientToken must be 1 to 36 ASCII characters in the range 33-126.');
  }
};

/** What Berth cannot do for task sets yet: a clear error instead of a silent no-op. */
export const rejectUnsupportedTaskSet = (request: CreateTaskSetRequest): void => {
  if ((request.loadBalancers ?? []).length > 0) {
    throw unsupportedFeature('Berth does not attach task sets to load balancers yet.');
  }
  if ((request.serviceRegistries ?? []).length > 0) {
    throw unsupportedFeature('Berth does not register task sets in Cloud Map yet.');
  }
};

/** ECS shows `assignPublicIp: DISABLED` when the request left it out [aws-cli examples/ecs/create-task-set.rst]. */
export const withNetworkDefaults = (
  network: NetworkConfiguration | undefined,
): NetworkConfiguration | undefined => {
  const vpc = network?.awsvpcConfiguration;
  if (!vpc) return network;
  return { awsvpcConfiguration: { ...vpc, assignPublicIp: vpc.assignPublicIp ?? 'DISABLED' } };
};
