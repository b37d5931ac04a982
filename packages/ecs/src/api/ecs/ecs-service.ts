import { ECS_MODEL } from '@berth/wire/ecs';

import type { ApiService, Operation } from '@berth/gateway';

import { accountSettingOperations } from './account-setting-operations.js';
import { agentFacingOperations } from './agent-facing-operations.js';
import { ecsAuthorization } from './ecs-authorization.js';
import { attributeOperations } from './attribute-operations.js';
import { capacityProviderOperations } from './capacity-provider-operations.js';
import { clusterOperations } from './cluster-operations.js';
import { containerInstanceOperations } from './container-instance-operations.js';
import type { ControlPlaneServices } from './control-plane-services.js';
import { daemonOperations } from './daemon-operations.js';
import { daemonTaskDefinitionOperations } from './daemon-task-definition-operations.js';
import { serviceDeploymentOperations } from './service-deployment-operations.js';
import { serviceOperations } from './service-operations.js';
import { stateChangeOperations } from './state-change-operations.js';
import { tagOperations } from './tag-operations.js';
import { taskDefinitionOperations } from './task-definition-operations.js';
import { taskOperations } from './task-operations.js';
import { taskSetOperations } from './task-set-operations.js';
import { taskProtectionOperations } from './task-protection-operations.js';
import { unsupportedOperations } from './unsupported-operations.js';

export const ECS_TARGET_PREFIX = 'AmazonEC2ContainerServiceV20141113';

/**
 * The ECS API (AWS JSON 1.1): every implemented operation, the named unsupported ones (each saying
 * why), and any other operation of the model answered as not implemented yet.
 */
export const ecsService = (services: ControlPlaneServices): ApiService => {
  const operations = new Map<string, Operation>(
    Object.entries({
      ...clusterOperations(services),
      ...capacityProviderOperations(services),
      ...taskDefinitionOperations(services),
      ...containerInstanceOperations(services),
      ...taskOperations(services),
      ...tagOperations(services),
      ...attributeOperations(services),
      ...stateChangeOperations(services),
      ...serviceOperations(services),
      ...taskSetOperations(services),
      ...daemonTaskDefinitionOperations(services),
      ...daemonOperations(services),
      ...accountSettingOperations(services),
      ...taskProtectionOperations(services),
      ...serviceDeploymentOperations(services),
      ...agentFacingOperations(services),
    }),
  );
  const unsupported = unsupportedOperations();
  return {
    model: ECS_MODEL,
    operations: new Map([...unsupported, ...operations]),
    authorization: ecsAuthorization,
  };
};
