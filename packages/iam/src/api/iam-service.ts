/**
 * The IAM API (awsQuery, 2010-05-08) for the gateway: every implemented operation, and every
 * other operation of the model answered as not supported, with the feature it lacks.
 */
import type { ApiService, Operation } from '@berth/gateway';
import type { StoreReader } from '@berth/store';
import { IAM_MODEL, IAM_OPERATIONS } from '@berth/wire/iam';

import { iamAuthorization } from './iam-authorization.js';
import type { IamServices } from './iam-services.js';
import { policyOperations } from './policy-operations.js';
import { principalPolicyOperations } from './principal-policy-operations.js';
import { roleOperations } from './role-operations.js';
import { unsupportedOperations } from './unsupported-operations.js';
import { userOperations } from './user-operations.js';

export const iamService = (services: IamServices, store: StoreReader): ApiService => {
  const implemented: Record<string, Operation> = {
    ...userOperations(services),
    ...roleOperations(services),
    ...policyOperations(services),
    ...principalPolicyOperations(services),
  };
  const missing = IAM_OPERATIONS.filter((name) => !(name in implemented));
  return {
    model: IAM_MODEL,
    actionPrefix: 'iam',
    operations: new Map(Object.entries({ ...implemented, ...unsupportedOperations(missing) })),
    authorization: iamAuthorization(store),
  };
};
