/**
 * The ELBv2 API (awsQuery, 2015-12-01) for the gateway: every implemented operation, and every
 * other operation of the model answered as unsupported with its reason.
 */
import type { ApiService, Operation } from '@berth/gateway';
import { ELBV2_MODEL } from '@berth/wire/elbv2';

import { accountOperations } from './account-operations.js';
import type { Elbv2Services } from './elbv2-services.js';
import { listenerOperations } from './listener-operations.js';
import { loadBalancerOperations } from './load-balancer-operations.js';
import { ruleOperations } from './rule-operations.js';
import { targetGroupOperations } from './target-group-operations.js';
import { targetOperations } from './target-operations.js';
import { unsupportedOperations } from './unsupported-operations.js';

export const elbv2Service = (services: Elbv2Services): ApiService => {
  const implemented = new Map<string, Operation>(
    Object.entries({
      ...loadBalancerOperations(services),
      ...listenerOperations(services),
      ...ruleOperations(services),
      ...targetGroupOperations(services),
      ...targetOperations(services),
      ...accountOperations(services),
    }),
  );
  return { model: ELBV2_MODEL, operations: new Map([...unsupportedOperations(), ...implemented]) };
};
