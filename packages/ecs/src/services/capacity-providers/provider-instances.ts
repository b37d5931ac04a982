/** The container instances of a cluster that belong to an Auto Scaling group capacity provider. */
import type { Partition } from '@berth/core';
import type { StoreReader } from '@berth/store';

import { KIND, type ContainerInstanceRecord } from '../records.js';

import { AUTO_SCALING_GROUP_ATTRIBUTE, autoScalingGroupOfProvider } from './provider-groups.js';

export const providerInstances = (
  reader: StoreReader,
  partition: Partition,
  clusterArn: string,
  providerName: string,
): Set<string> => {
  const group = autoScalingGroupOfProvider(reader, partition, providerName);
  if (group === undefined) return new Set();
  return new Set(
    reader
      .list<ContainerInstanceRecord>(KIND.containerInstance, clusterArn)
      .filter((i) =>
        (i.instance.attributes ?? []).some(
          (a) => a.name === AUTO_SCALING_GROUP_ATTRIBUTE && a.value === group,
        ),
      )
      .map((i) => i.instance.containerInstanceArn ?? ''),
  );
};
