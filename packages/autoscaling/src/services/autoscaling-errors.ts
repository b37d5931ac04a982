/**
 * Application Auto Scaling's errors, with the codes of its model's exception shapes (HTTP 400) and
 * the messages AWS answers with where they are known (ObjectNotFoundException's).
 */
import { ApiError } from '@berth/core';

import type { TargetRef } from '../records/scaling-records.js';

export const validation = (message: string): ApiError => new ApiError('ValidationException', message, 400);

const described = (ref: TargetRef): string =>
  `service namespace: ${ref.serviceNamespace}, resource ID: ${ref.resourceId}, scalable dimension: ${ref.scalableDimension}`;

export const targetNotFound = (ref: TargetRef): ApiError =>
  new ApiError('ObjectNotFoundException', `No scalable target registered for ${described(ref)}`, 400);
export const policyNotFound = (ref: TargetRef, name: string): ApiError =>
  new ApiError(
    'ObjectNotFoundException',
    `No scaling policy found for ${described(ref)}, policy name: ${name}`,
    400,
  );
export const scheduledActionNotFound = (ref: TargetRef, name: string): ApiError =>
  new ApiError(
    'ObjectNotFoundException',
    `No scheduled action found for ${described(ref)}, scheduled action name: ${name}`,
    400,
  );
export const resourceNotFound = (arn: string): ApiError =>
  new ApiError('ResourceNotFoundException', `No scalable target found for ARN: ${arn}`, 400, {
    ResourceName: arn,
  });
export const tooManyTags = (arn: string): ApiError =>
  new ApiError('TooManyTagsException', 'A resource can have no more than 50 tags.', 400, {
    ResourceName: arn,
  });
export const invalidNextToken = (): ApiError =>
  new ApiError('InvalidNextTokenException', 'Invalid NextToken', 400);

/** The alarms a target-tracking policy needs could not be made (AWS: FailedResourceAccessException). */
export const alarmsUnavailable = (policyName: string, cause: string): ApiError =>
  new ApiError(
    'FailedResourceAccessException',
    `Failed to create the CloudWatch alarms of target tracking scaling policy ${policyName}: ${cause}`,
    400,
  );

/** What Berth does not do, said plainly, as a ValidationException (AWS's error for bad requests). */
export const notSupported = (what: string): ApiError =>
  validation(
    `Berth does not support ${what}: its Application Auto Scaling scales ECS services only (namespace ecs, dimension ecs:service:DesiredCount) with step scaling, target tracking and scheduled actions.`,
  );
