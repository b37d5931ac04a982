/**
 * The members every request names its scalable target by: ServiceNamespace, ResourceId and
 * ScalableDimension. Berth scales ECS services only; any other namespace or dimension is refused
 * with a ValidationException saying so.
 */
import type { TargetRef } from '../records/scaling-records.js';

import { notSupported, validation } from './autoscaling-errors.js';

/** A request value as text for a message. */
export const shown = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

const SERVICE_RESOURCE = /^service\/([^/]+)\/([^/]+)$/;

export const UNSUPPORTED_TARGET = 'Unsupported service namespace, resource type or scalable dimension';

export const requireMember = (value: unknown, member: string): void => {
  if (value === undefined || value === null || value === '') {
    throw validation(
      `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
    );
  }
};

export const checkNamespace = (namespace: unknown): 'ecs' => {
  requireMember(namespace, 'serviceNamespace');
  if (namespace !== 'ecs') throw notSupported(`service namespace ${shown(namespace)}`);
  return 'ecs';
};

/** The cluster and service a ResourceId `service/<cluster>/<service>` names. */
export const serviceOfResource = (resourceId: string): { cluster: string; service: string } => {
  const match = SERVICE_RESOURCE.exec(resourceId);
  if (!match?.[1] || !match[2]) throw validation(UNSUPPORTED_TARGET);
  return { cluster: match[1], service: match[2] };
};

export const targetRefOf = (request: {
  readonly ServiceNamespace?: unknown;
  readonly ResourceId?: unknown;
  readonly ScalableDimension?: unknown;
}): TargetRef => {
  const serviceNamespace = checkNamespace(request.ServiceNamespace);
  requireMember(request.ResourceId, 'resourceId');
  requireMember(request.ScalableDimension, 'scalableDimension');
  if (typeof request.ResourceId !== 'string') throw validation(UNSUPPORTED_TARGET);
  if (request.ScalableDimension !== 'ecs:service:DesiredCount') {
    throw notSupported(`scalable dimension ${shown(request.ScalableDimension)}`);
  }
  serviceOfResource(request.ResourceId);
  return { serviceNamespace, resourceId: request.ResourceId, scalableDimension: 'ecs:service:DesiredCount' };
};

/** An optional filter's namespace and dimension, checked the same way. */
export const checkFilter = (request: {
  readonly ServiceNamespace?: unknown;
  readonly ScalableDimension?: unknown;
}): void => {
  checkNamespace(request.ServiceNamespace);
  if (request.ScalableDimension !== undefined && request.ScalableDimension !== 'ecs:service:DesiredCount') {
    throw notSupported(`scalable dimension ${shown(request.ScalableDimension)}`);
  }
};

export const checkCapacity = (value: unknown, member: string): number | undefined => {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw validation(
      `1 validation error detected: Value '${shown(value)}' at '${member}' failed to satisfy constraint: Member must be a non-negative integer`,
    );
  }
  return value;
};
