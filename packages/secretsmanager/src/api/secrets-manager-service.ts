/** The Secrets Manager API for the gateway (awsJson1_1, target prefix secretsmanager). */
import type { ApiService, Operation } from '@berth/gateway';
import type { StoreReader } from '@berth/store';
import { SECRETSMANAGER_MODEL, SECRETSMANAGER_OPERATIONS } from '@berth/wire/secretsmanager';

import { secretAuthorization } from './secret-authorization.js';
import { secretOperations } from './secret-operations.js';
import type { SecretsManagerServices } from './secrets-manager-services.js';
import { unsupportedOperations } from './unsupported-operations.js';

export const secretsManagerService = (
  services: SecretsManagerServices,
  store: StoreReader,
  now: () => number,
): ApiService => {
  const implemented: Record<string, Operation> = secretOperations(services);
  const missing = SECRETSMANAGER_OPERATIONS.filter((name) => !(name in implemented));
  return {
    model: SECRETSMANAGER_MODEL,
    operations: new Map(Object.entries({ ...implemented, ...unsupportedOperations(missing) })),
    authorization: secretAuthorization(store, now),
  };
};
