import type { TaskReport } from '@berth/wire/agent';

/** A task to sample: RUNNING, with the runtime ids of its running containers. */
export interface RunningTask {
  readonly taskArn: string;
  readonly containerIds: readonly string[];
}

/** The RUNNING tasks among the engine's observed reports (the awsvpc pause container is never reported). */
export const runningTasks = (reports: readonly TaskReport[]): RunningTask[] =>
  reports.flatMap((report) => {
    if (report.status !== 'RUNNING') return [];
    const containerIds = report.containers.flatMap((c) =>
      c.status === 'RUNNING' && c.runtimeId ? [c.runtimeId] : [],
    );
    return containerIds.length > 0 ? [{ taskArn: report.task, containerIds }] : [];
  });
