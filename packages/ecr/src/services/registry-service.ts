/**
 * Registry-wide settings: DescribeRegistry (no replication), the registry policy (Berth keeps
 * none: GetRegistryPolicy answers RegistryPolicyNotFoundException) and the registry scanning
 * configuration (stored; Berth has no scanner, so scans report FAILED).
 */
import { partitionKey, type Partition } from '@berth/core';
import type { RegistryScanningRule, ScanType } from '@berth/wire/ecr';

import { ECR_KIND, type RegistryScanningRecord } from '../records/ecr-records.js';

import { constraint } from './ecr-errors.js';
import type { ServiceDeps } from './service-deps.js';

export class RegistryService {
  constructor(private readonly deps: ServiceDeps) {}

  scanning(partition: Partition): RegistryScanningRecord {
    return (
      this.deps.store.get<RegistryScanningRecord>(ECR_KIND.registryScanning, partitionKey(partition)) ?? {
        scanType: 'BASIC',
        rules: [],
      }
    );
  }

  putScanning(
    partition: Partition,
    scanType: ScanType | undefined,
    rules: readonly RegistryScanningRule[] | undefined,
  ): RegistryScanningRecord {
    const type = scanType ?? 'BASIC';
    if (type !== 'BASIC' && type !== 'ENHANCED')
      throw constraint('scanType', 'Member must satisfy enum value set: [BASIC, ENHANCED]');
    const record: RegistryScanningRecord = { scanType: type, rules: [...(rules ?? [])] };
    const pk = partitionKey(partition);
    this.deps.store.transact((tx) => tx.put(ECR_KIND.registryScanning, pk, pk, record));
    return record;
  }
}
