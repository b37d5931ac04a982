/** The Application Auto Scaling API for the gateway (awsJson1_1, target prefix AnyScaleFrontendService). */
import type { ApiService } from '@berth/gateway';
import { APPLICATION_AUTOSCALING_MODEL } from '@berth/wire/application-autoscaling';

import { autoScalingOperations } from './autoscaling-operations.js';
import type { AutoScalingServices } from './autoscaling-services.js';

export const autoScalingService = (services: AutoScalingServices): ApiService => ({
  model: APPLICATION_AUTOSCALING_MODEL,
  operations: new Map(Object.entries(autoScalingOperations(services))),
});
