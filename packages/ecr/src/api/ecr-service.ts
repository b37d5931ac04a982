/** The ECR API for the gateway (awsJson1_1, target prefix AmazonEC2ContainerRegistry_V20150921). */
import type { ApiService, Operation } from '@berth/gateway';
import { ECR_MODEL, ECR_OPERATIONS } from '@berth/wire/ecr';

import type { EcrServices } from './ecr-services.js';
import { imageOperations } from './image-operations.js';
import { registryOperations } from './registry-operations.js';
import { repositoryOperations } from './repository-operations.js';
import { scanningOperations } from './scanning-operations.js';
import { unsupportedOperations } from './unsupported-operations.js';

export const ecrService = (services: EcrServices): ApiService => {
  const implemented: Record<string, Operation> = {
    ...repositoryOperations(services),
    ...imageOperations(services),
    ...registryOperations(services),
    ...scanningOperations(services),
  };
  const missing = ECR_OPERATIONS.filter((name) => !(name in implemented));
  return {
    model: ECR_MODEL,
    operations: new Map(Object.entries({ ...implemented, ...unsupportedOperations(missing) })),
  };
};
