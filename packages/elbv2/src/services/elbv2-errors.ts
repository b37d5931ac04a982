/**
 * ELBv2's errors, with the codes of ELBV2_MODEL's exception shapes (no `Exception` suffix on the
 * wire, all HTTP 400) and the messages ELBv2 answers with.
 */
import { ApiError } from '@berth/core';

const list = (items: readonly string[]): string => `'[${items.join(', ')}]'`;

/** A request value as ELBv2's messages quote it. */
export const shown = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);

/** The message of AWS's generic constraint check on an enum member. */
export const enumError = (value: string, member: string, allowed: readonly string[]): string =>
  `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ` +
  `Member must satisfy enum value set: [${allowed.join(', ')}]`;

/** The message of AWS's generic constraint check on a numeric range. */
export const rangeError = (value: unknown, member: string, min: number, max: number): string =>
  `1 validation error detected: Value '${shown(value)}' at '${member}' failed to satisfy constraint: ` +
  `Member must have value ${value !== undefined && Number(value) < min ? `greater than or equal to ${min}` : `less than or equal to ${max}`}`;

export const validationError = (message: string): ApiError => new ApiError('ValidationError', message, 400);
export const invalidConfiguration = (message: string): ApiError =>
  new ApiError('InvalidConfigurationRequest', message, 400);
export const operationNotPermitted = (message: string): ApiError =>
  new ApiError('OperationNotPermitted', message, 400);
export const invalidAction = (message: string): ApiError =>
  new ApiError('InvalidLoadBalancerAction', message, 400);
export const invalidTarget = (message: string): ApiError => new ApiError('InvalidTarget', message, 400);

export const loadBalancersNotFound = (refs: readonly string[]): ApiError =>
  new ApiError('LoadBalancerNotFound', `Load balancers ${list(refs)} not found`, 400);
export const loadBalancerNotFound = (arn: string): ApiError =>
  new ApiError('LoadBalancerNotFound', `Load balancer '${arn}' not found`, 400);
export const targetGroupsNotFound = (refs: readonly string[]): ApiError =>
  new ApiError('TargetGroupNotFound', `Target groups ${list(refs)} not found`, 400);
export const targetGroupNotFound = (arn: string): ApiError =>
  new ApiError('TargetGroupNotFound', `Target group '${arn}' not found`, 400);
export const listenerNotFound = (): ApiError =>
  new ApiError('ListenerNotFound', 'One or more listeners not found', 400);
export const ruleNotFound = (): ApiError => new ApiError('RuleNotFound', 'One or more rules not found', 400);
export const priorityInUse = (priority: number): ApiError =>
  new ApiError('PriorityInUse', `Priority '${priority}' is currently in use`, 400);
export const duplicateLoadBalancerName = (name: string): ApiError =>
  new ApiError(
    'DuplicateLoadBalancerName',
    `A load balancer with the same name '${name}' exists, but with different settings`,
    400,
  );
export const duplicateTargetGroupName = (name: string): ApiError =>
  new ApiError(
    'DuplicateTargetGroupName',
    `A target group with the same name '${name}' exists, but with different settings`,
    400,
  );
export const duplicateListener = (): ApiError =>
  new ApiError('DuplicateListener', 'A listener already exists on this port for this load balancer', 400);
export const targetGroupInUse = (arn: string): ApiError =>
  new ApiError('ResourceInUse', `Target group '${arn}' is currently in use by a listener or a rule`, 400);
export const tooManyRules = (limit: number): ApiError =>
  new ApiError(
    'TooManyRules',
    `You've reached the limit on the number of rules per listener (${limit})`,
    400,
  );
export const tooManyListeners = (limit: number): ApiError =>
  new ApiError(
    'TooManyListeners',
    `You've reached the limit on the number of listeners per load balancer (${limit})`,
    400,
  );
export const associationLimit = (arns: readonly string[]): ApiError =>
  new ApiError(
    'TargetGroupAssociationLimit',
    `The following target groups cannot be associated with more than one load balancer: ${arns.join(', ')}`,
    400,
  );

/** What Berth does not do, said plainly: `Berth does not support <what>: <why>.` */
export const notSupported = (what: string, why: string): ApiError =>
  operationNotPermitted(`Berth does not support ${what}: ${why}.`);
