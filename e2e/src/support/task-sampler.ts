/**
 * Samples a service's tasks (ListTasks + DescribeTasks, with the SDK so it runs beside CLI calls)
 * about once a second until stopped: which tasks run, on which task definition.
 */
import { DescribeTasksCommand, ECSClient, ListTasksCommand } from '@aws-sdk/client-ecs';

import { TEST_CREDENTIALS, TEST_REGION } from './berth-process.js';

export interface TaskSample {
  readonly at: number;
  /** taskArn → taskDefinitionArn of the tasks whose lastStatus is RUNNING. */
  readonly running: ReadonlyMap<string, string>;
}

export const sampleServiceTasks = (
  endpoint: string,
  cluster: string,
  serviceName: string,
  intervalMs = 1000,
): { stop: () => Promise<TaskSample[]> } => {
  const ecs = new ECSClient({ endpoint, region: TEST_REGION, credentials: TEST_CREDENTIALS });
  const samples: TaskSample[] = [];
  let going = true;
  const once = async (): Promise<void> => {
    const { taskArns = [] } = await ecs.send(new ListTasksCommand({ cluster, serviceName }));
    const tasks =
      taskArns.length === 0
        ? []
        : ((await ecs.send(new DescribeTasksCommand({ cluster, tasks: taskArns }))).tasks ?? []);
    samples.push({
      at: Date.now(),
      running: new Map(
        tasks
          .filter((t) => t.lastStatus === 'RUNNING')
          .map((t) => [t.taskArn ?? '', t.taskDefinitionArn ?? '']),
      ),
    });
  };
  const loop = (async () => {
    while (going) {
      const started = Date.now();
      await once();
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, intervalMs - (Date.now() - started))));
    }
  })();
  return {
    stop: async () => {
      going = false;
      await loop;
      ecs.destroy();
      return samples;
    },
  };
};
