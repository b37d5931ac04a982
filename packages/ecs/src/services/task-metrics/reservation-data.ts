/**
 * PURE. AWS/ECS CPUReservation and MemoryReservation per {ClusterName}: what RUNNING tasks on the
 * cluster's ACTIVE and DRAINING container instances reserve ÷ what those instances registered ×
 * 100. Only clusters with such instances have them (ECS: not for Fargate capacity). One value a
 * minute, so each statistic set has SampleCount 1.
 */
import type { MetricDatum } from './metric-sink.js';

export interface ClusterReservation {
  readonly clusterName: string;
  readonly registeredCpu: number;
  readonly registeredMemory: number;
  readonly reservedCpu: number;
  readonly reservedMemory: number;
}

const single = (
  MetricName: string,
  clusterName: string,
  percent: number,
  Timestamp: number,
): MetricDatum => ({
  MetricName,
  Dimensions: [{ Name: 'ClusterName', Value: clusterName }],
  Timestamp,
  StatisticValues: { SampleCount: 1, Sum: percent, Minimum: percent, Maximum: percent },
  Unit: 'Percent',
  StorageResolution: 60,
});

export const reservationData = (
  clusters: readonly ClusterReservation[],
  minuteStartSeconds: number,
): MetricDatum[] =>
  clusters.flatMap((c) => [
    ...(c.registeredCpu > 0
      ? [single('CPUReservation', c.clusterName, (c.reservedCpu / c.registeredCpu) * 100, minuteStartSeconds)]
      : []),
    ...(c.registeredMemory > 0
      ? [
          single(
            'MemoryReservation',
            c.clusterName,
            (c.reservedMemory / c.registeredMemory) * 100,
            minuteStartSeconds,
          ),
        ]
      : []),
  ]);
