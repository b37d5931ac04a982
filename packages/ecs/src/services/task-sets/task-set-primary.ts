/**
 * What an EXTERNAL service shows of its PRIMARY task set: "When you call the DescribeServices API
 * action, it returns all fields specified for a primary task set ... If no primary task set is
 * defined for a service, when describing the service, the task set fields are null."
 * [G deployment-type-external.md]
 */
import type { Service } from '@berth/wire/ecs';

import { launchFieldsOf, withoutLaunchFields } from '../ecs-services/service-request.js';
import { targetOf } from '../fargate/launch-target.js';

import type { TaskSetRecord } from './task-set-record.js';

/** The service without any task set's fields. */
export const withoutPrimaryFields = (service: Service): Service => {
  const { taskDefinition: _t, networkConfiguration: _n, ...rest } = withoutLaunchFields(service);
  return rest;
};

/** The service with the fields of its new PRIMARY task set. */
export const withPrimaryFields = (service: Service, primary: TaskSetRecord): Service => ({
  ...withoutPrimaryFields(service),
  taskDefinition: primary.taskDefinitionArn,
  ...launchFieldsOf(targetOf(primary)),
  ...(primary.networkConfiguration ? { networkConfiguration: primary.networkConfiguration } : {}),
});
