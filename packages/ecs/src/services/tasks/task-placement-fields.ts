/** Where a new task runs (a container instance, or a managed host for FARGATE) and what that decides. */
import type { StoreReader } from '@berth/store';

import { KIND, type ContainerInstanceRecord, type ManagedHostRecord } from '../records.js';

export type TaskPlacement =
  | { readonly kind: 'instance'; readonly arn: string }
  | { readonly kind: 'host'; readonly host: ManagedHostRecord };

/** The task fields a placement decides: where it runs and the availability zone it reports. */
export const placementFields = (
  reader: StoreReader,
  where: TaskPlacement | undefined,
): {
  containerInstanceArn: string;
  hostArn?: string;
  availabilityZone?: string;
  cpuArchitecture?: string;
} => {
  if (!where) return { containerInstanceArn: '' };
  const attributes =
    where.kind === 'host'
      ? where.host.attributes
      : (reader.get<ContainerInstanceRecord>(KIND.containerInstance, where.arn)?.instance.attributes ?? []);
  const value = (name: string): string | undefined => attributes.find((a) => a.name === name)?.value;
  const zone = value('ecs.availability-zone');
  const arch = value('ecs.cpu-architecture');
  return {
    containerInstanceArn: where.kind === 'instance' ? where.arn : '',
    ...(where.kind === 'host' ? { hostArn: where.host.hostArn } : {}),
    ...(zone ? { availabilityZone: zone } : {}),
    ...(arch ? { cpuArchitecture: arch } : {}),
  };
};
