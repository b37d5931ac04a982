/** A service showing a deployment's launch and network fields (a rollback returns to them). */
import type { Service } from '@berth/wire/ecs';

import type { ServiceDeployment } from '../../services/ecs-services/service-record.js';
import { launchFieldsOf, withoutLaunchFields } from '../../services/ecs-services/service-request.js';
import { targetOf } from '../../services/fargate/launch-target.js';

export const withServiceLaunch = (service: Service, deployment: ServiceDeployment): Service => {
  const { networkConfiguration: _network, ...rest } = withoutLaunchFields(service);
  return {
    ...rest,
    ...launchFieldsOf(targetOf(deployment)),
    ...(deployment.networkConfiguration ? { networkConfiguration: deployment.networkConfiguration } : {}),
  };
};
