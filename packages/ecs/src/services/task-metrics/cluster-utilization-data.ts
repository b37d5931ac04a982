/**
 * PURE. AWS/ECS CPUUtilization and MemoryUtilization per {ClusterName}, the way ECS measures them
 * (docs: "Amazon ECS CloudWatch metrics"): what the tasks on the cluster's ACTIVE and DRAINING
 * container instances use ÷ what those instances registered × 100. Tasks on Fargate capacity are
 * not counted (ECS: cluster utilization is for tasks hosted on EC2 instances), and a cluster none
 * of whose instances ran a sampled task gets nothing that minute (ECS reports only resources with
 * RUNNING tasks).
 * - a task's use over the minute is the mean of its samples;
 * - Average = Σ use ÷ Σ registered × 100, idle instances included;
 * - Minimum / Maximum = the least / most utilised instance; SampleCount = the instances counted,
 *   and Sum = Average × SampleCount.
 */
import type { MetricDatum } from './metric-sink.js';
import type { TaskMinute, TaskUse } from './utilization-data.js';

export interface InstanceCapacity {
  readonly clusterName: string;
  readonly containerInstanceArn: string;
  readonly registeredCpu: number;
  readonly registeredMemory: number;
}

interface Measure {
  readonly name: 'CPUUtilization' | 'MemoryUtilization';
  readonly used: (use: TaskUse) => number;
  readonly registered: (instance: InstanceCapacity) => number;
}

const MEASURES: readonly Measure[] = [
  { name: 'CPUUtilization', used: (u) => u.cpuUnitsUsed, registered: (i) => i.registeredCpu },
  { name: 'MemoryUtilization', used: (u) => u.memoryMiBUsed, registered: (i) => i.registeredMemory },
];

const meanUse = (task: TaskMinute, measure: Measure): number =>
  task.samples.reduce((total, use) => total + measure.used(use), 0) / task.samples.length;

const statisticSet = (
  measure: Measure,
  instances: readonly InstanceCapacity[],
  tasks: readonly TaskMinute[],
): MetricDatum['StatisticValues'] | undefined => {
  const counted = instances.filter((i) => measure.registered(i) > 0);
  if (counted.length === 0) return undefined;
  const usedOn = new Map<string, number>();
  for (const task of tasks) {
    if (task.containerInstanceArn === undefined || task.samples.length === 0) continue;
    usedOn.set(
      task.containerInstanceArn,
      (usedOn.get(task.containerInstanceArn) ?? 0) + meanUse(task, measure),
    );
  }
  const perInstance = counted.map(
    (i) => ((usedOn.get(i.containerInstanceArn) ?? 0) / measure.registered(i)) * 100,
  );
  const used = counted.reduce((total, i) => total + (usedOn.get(i.containerInstanceArn) ?? 0), 0);
  const registered = counted.reduce((total, i) => total + measure.registered(i), 0);
  const average = (used / registered) * 100;
  return {
    SampleCount: counted.length,
    Sum: average * counted.length,
    Minimum: Math.min(...perInstance),
    Maximum: Math.max(...perInstance),
  };
};

export const clusterUtilizationData = (
  instances: readonly InstanceCapacity[],
  tasks: readonly TaskMinute[],
  minuteStartSeconds: number,
  storageResolution: 1 | 60 = 60,
): MetricDatum[] => {
  const clusters = new Set(instances.map((i) => i.clusterName));
  return [...clusters].flatMap((clusterName) => {
    const own = instances.filter((i) => i.clusterName === clusterName);
    const arns = new Set(own.map((i) => i.containerInstanceArn));
    const onInstances = tasks.filter(
      (t) => t.containerInstanceArn !== undefined && arns.has(t.containerInstanceArn),
    );
    if (onInstances.length === 0) return [];
    return MEASURES.flatMap((measure) => {
      const values = statisticSet(measure, own, onInstances);
      return values
        ? [
            {
              MetricName: measure.name,
              Dimensions: [{ Name: 'ClusterName', Value: clusterName }],
              Timestamp: minuteStartSeconds,
              StatisticValues: values,
              Unit: 'Percent' as const,
              StorageResolution: storageResolution,
            },
          ]
        : [];
    });
  });
};
