/**
 * The port ECS reads CloudWatch alarm states through, for services whose
 * deploymentConfiguration.alarms is enabled (absent: such services are refused).
 */
import type { Partition } from '@berth/core';
import type { AlarmStateValue } from '@berth/scheduler';

export interface DeploymentAlarms {
  /** The state of each named alarm of the partition that exists (missing names are absent). */
  statesOf(partition: Partition, names: readonly string[]): Promise<ReadonlyMap<string, AlarmStateValue>>;
}
