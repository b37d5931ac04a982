/**
 * Where an `instance` target is reached: the container instance with that EC2 instance id
 * publishes bridge and host ports on its agent's bridge host address (loopback by default).
 */
import type { StoreReader } from '@berth/store';

import { KIND, type ContainerInstanceRecord } from '../records.js';

const BRIDGE_HOST_ATTRIBUTE = 'berth.bridge-host-ip';
const DEFAULT_BRIDGE_HOST = '127.0.0.1';

export const instanceHostAddress = (reader: StoreReader, ec2InstanceId: string): string | undefined => {
  const found = reader
    .list<ContainerInstanceRecord>(KIND.containerInstance)
    .find((r) => r.instance.ec2InstanceId === ec2InstanceId && r.instance.status !== 'INACTIVE');
  if (!found) return undefined;
  return (
    found.instance.attributes?.find((a) => a.name === BRIDGE_HOST_ATTRIBUTE)?.value ?? DEFAULT_BRIDGE_HOST
  );
};
