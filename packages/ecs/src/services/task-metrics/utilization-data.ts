/**
 * PURE. One minute of task samples → AWS/ECS CPUUtilization and MemoryUtilization statistic sets
 * per {ClusterName, ServiceName}, the way ECS computes service utilization (docs: "service
 * utilization"; the {ClusterName} sets are cluster-utilization-data.ts's):
 * - a task's utilization is what it used ÷ what it reserves × 100 (can exceed 100: CPU is shared);
 * - Average = Σ used ÷ Σ reserved × 100 over every sample of every task in the dimension;
 * - Minimum / Maximum = the least / most utilized task over the minute;
 * - SampleCount = the number of tasks measured (ECS documents it as the RUNNING task count), and
 *   Sum = Average × SampleCount so that Sum ÷ SampleCount is the Average.
 */
import type { MetricDatum, MetricDimension } from './metric-sink.js';

/** What a task used in one sample. */
export interface TaskUse {
  readonly cpuUnitsUsed: number;
  readonly memoryMiBUsed: number;
}

export interface TaskMinute {
  readonly clusterName: string;
  /** Absent for a task no service started. */
  readonly serviceName?: string;
  /** The ACTIVE or DRAINING container instance it runs on; absent on Fargate capacity. */
  readonly containerInstanceArn?: string;
  /** CPU units and MiB the task reserves (task-level, else the sum of its containers'). */
  readonly cpuReserved: number;
  readonly memoryReserved: number;
  /** At least one. */
  readonly samples: readonly TaskUse[];
}

/**
 * A task reserving no CPU is measured against the 2 CPU shares Docker gives such a container (the
 * minimum `cpu` ECS passes on: re:Post "How ECS Service CPU Utilisation is calculated when Task CPU
 * is not given and Container CPU is 0"), so an idle one reads low and a busy one far above 100.
 */
export const MIN_CPU_RESERVATION_UNITS = 2;

interface Measure {
  readonly name: 'CPUUtilization' | 'MemoryUtilization';
  readonly used: (use: TaskUse) => number;
  /** The reservation to divide by; 0 leaves the task out. */
  readonly reserved: (task: TaskMinute) => number;
}

const MEASURES: readonly Measure[] = [
  {
    name: 'CPUUtilization',
    used: (use) => use.cpuUnitsUsed,
    reserved: (task) => Math.max(task.cpuReserved, MIN_CPU_RESERVATION_UNITS),
  },
  { name: 'MemoryUtilization', used: (use) => use.memoryMiBUsed, reserved: (task) => task.memoryReserved },
];

const statisticSet = (
  measure: Measure,
  tasks: readonly TaskMinute[],
): MetricDatum['StatisticValues'] | undefined => {
  let used = 0;
  let reserved = 0;
  const perTask: number[] = [];
  for (const task of tasks) {
    const reservation = measure.reserved(task);
    if (reservation <= 0 || task.samples.length === 0) continue;
    const taskUsed = task.samples.reduce((total, use) => total + measure.used(use), 0);
    const taskReserved = reservation * task.samples.length;
    used += taskUsed;
    reserved += taskReserved;
    perTask.push((taskUsed / taskReserved) * 100);
  }
  if (perTask.length === 0) return undefined;
  const average = (used / reserved) * 100;
  return {
    SampleCount: perTask.length,
    Sum: average * perTask.length,
    Minimum: Math.min(...perTask),
    Maximum: Math.max(...perTask),
  };
};

const byService = (tasks: readonly TaskMinute[]): [MetricDimension[], TaskMinute[]][] => {
  const groups = new Map<string, TaskMinute[]>();
  for (const task of tasks) {
    if (task.serviceName === undefined) continue;
    const key = JSON.stringify([task.clusterName, task.serviceName]);
    groups.set(key, [...(groups.get(key) ?? []), task]);
  }
  return [...groups.values()].map((group): [MetricDimension[], TaskMinute[]] => [
    [
      { Name: 'ClusterName', Value: group[0]?.clusterName ?? '' },
      { Name: 'ServiceName', Value: group[0]?.serviceName ?? '' },
    ],
    group,
  ]);
};

export const utilizationData = (
  tasks: readonly TaskMinute[],
  minuteStartSeconds: number,
  storageResolution: 1 | 60 = 60,
): MetricDatum[] =>
  byService(tasks).flatMap(([dimensions, group]) =>
    MEASURES.flatMap((measure) => {
      const values = statisticSet(measure, group);
      return values
        ? [
            {
              MetricName: measure.name,
              Dimensions: dimensions,
              Timestamp: minuteStartSeconds,
              StatisticValues: values,
              Unit: 'Percent' as const,
              StorageResolution: storageResolution,
            },
          ]
        : [];
    }),
  );
