/** Builders for engine tests: unique ids and owners, and a DesiredTask with sensible defaults. */
import { randomBytes } from 'node:crypto';

import type { ContainerDefinition } from '@berth/wire/ecs';
import type { DesiredTask } from '@berth/wire/agent';

export const TEST_IMAGE = 'berth-test/busybox:latest';
/** A registry on loopback that refuses connections: pulls fail fast and never leave the host. */
export const MISSING_IMAGE = '127.0.0.1:5999/nope:latest';
export const CLUSTER_ARN = 'arn:aws:ecs:us-east-1:000000000000:cluster/berth-test';

export const shortId = (): string => randomBytes(6).toString('hex');

export const uniqueInstanceArn = (label: string): string =>
  `arn:aws:ecs:us-east-1:000000000000:container-instance/berth-test/${label}-${shortId()}`;

export const aTask = (
  containers: ContainerDefinition[],
  overrides: Partial<DesiredTask> = {},
): DesiredTask => ({
  taskArn: `arn:aws:ecs:us-east-1:000000000000:task/berth-test/${shortId()}`,
  clusterArn: CLUSTER_ARN,
  family: 'enginetest',
  revision: 1,
  taskDefinitionArn: 'arn:aws:ecs:us-east-1:000000000000:task-definition/enginetest:1',
  desiredStatus: 'RUNNING',
  launchType: 'EC2',
  networkMode: 'bridge',
  containers,
  volumes: [],
  ...overrides,
});
