/**
 * ECS operations Berth answers with UnsupportedFeatureException, each saying why: features whose
 * machinery Berth does not run. Every other ECS operation is implemented (see
 * ecs-operations.test.ts, which checks the list against botocore's model).
 */
import { unsupportedFeature } from '@berth/core';

import type { Operation } from '@berth/gateway';

const EXPRESS =
  'Berth does not support Amazon ECS Express Mode: Express Gateway services need an Application Load Balancer, ' +
  'certificates and Route 53 that Berth does not provision.';

export const UNSUPPORTED_ECS_OPERATIONS: ReadonlyMap<string, string> = new Map([
  [
    'ExecuteCommand',
    'Berth does not support ECS Exec: ExecuteCommand needs the SSM agent and Session Manager, which Berth does not run. ' +
      'Use `docker exec` on the container instance instead.',
  ],
  [
    'ListServicesByNamespace',
    'Berth does not support Cloud Map namespaces or Service Connect, so no service belongs to a namespace.',
  ],
  ['CreateExpressGatewayService', EXPRESS],
  ['DeleteExpressGatewayService', EXPRESS],
  ['DescribeExpressGatewayService', EXPRESS],
  ['UpdateExpressGatewayService', EXPRESS],
]);

export const unsupportedOperations = (): ReadonlyMap<string, Operation> =>
  new Map(
    [...UNSUPPORTED_ECS_OPERATIONS].map(([name, message]): [string, Operation] => [
      name,
      () => {
        throw unsupportedFeature(message);
      },
    ]),
  );
