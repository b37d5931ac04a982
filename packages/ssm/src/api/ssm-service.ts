/** The Systems Manager API for the gateway (awsJson1_1, target prefix AmazonSSM): Parameter Store. */
import type { ApiService, Operation } from '@berth/gateway';
import { SSM_MODEL, SSM_OPERATIONS } from '@berth/wire/ssm';

import type { ParametersService } from '../services/parameters-service.js';
import type { ServiceDeps } from '../services/service-deps.js';

import { parameterAuthorization } from './parameter-authorization.js';
import { parameterOperations } from './parameter-operations.js';
import { unsupportedOperations } from './unsupported-operations.js';

export const ssmService = (parameters: ParametersService, deps: ServiceDeps): ApiService => {
  const implemented: Record<string, Operation> = parameterOperations(parameters, deps);
  const missing = SSM_OPERATIONS.filter((name) => !(name in implemented));
  return {
    model: SSM_MODEL,
    operations: new Map(Object.entries({ ...implemented, ...unsupportedOperations(missing) })),
    authorization: parameterAuthorization(deps.store),
  };
};
