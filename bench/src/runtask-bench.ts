/**
 * RunTask → RUNNING on a real `berth server` with its embedded agent: RunTask, poll
 * DescribeTasks every 20 ms until lastStatus is RUNNING, then poll the published port until
 * it answers HTTP; StopTask and wait for STOPPED before the next start.
 */
import {
  DescribeTasksCommand,
  ListContainerInstancesCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  type ECSClient,
  type Task,
} from '@aws-sdk/client-ecs';

import type { BenchConfig } from './config.js';
import { ecsClient } from './ecs-client.js';
import { waitForHttp } from './net.js';
import { sleep, type StartSample, type Starter } from './start-latency.js';

const CLUSTER = 'default';
const POLL_MS = 20;
const DEADLINE_MS = 60_000;

const describeTask = async (client: ECSClient, taskArn: string): Promise<Task | undefined> =>
  (await client.send(new DescribeTasksCommand({ cluster: CLUSTER, tasks: [taskArn] }))).tasks?.[0];

/** Polls until the task reaches `status` (or STOPPED, which ends any wait). */
const waitForStatus = async (
  client: ECSClient,
  taskArn: string,
  status: string,
  pollMs: number,
): Promise<Task> => {
  const deadline = performance.now() + DEADLINE_MS;
  for (;;) {
    const task = await describeTask(client, taskArn);
    if (task?.lastStatus === status || task?.lastStatus === 'STOPPED') return task;
    if (performance.now() > deadline) throw new Error(`task ${taskArn} not ${status} in ${DEADLINE_MS} ms`);
    await sleep(pollMs);
  }
};

const stopAndWait = async (client: ECSClient, taskArn: string): Promise<void> => {
  await client.send(new StopTaskCommand({ cluster: CLUSTER, task: taskArn, reason: 'berth bench' }));
  await waitForStatus(client, taskArn, 'STOPPED', 100);
};

const waitForContainerInstance = async (client: ECSClient): Promise<void> => {
  const deadline = performance.now() + DEADLINE_MS;
  for (;;) {
    try {
      const listed = await client.send(new ListContainerInstancesCommand({ cluster: CLUSTER }));
      if ((listed.containerInstanceArns?.length ?? 0) > 0) return;
    } catch {
      // The default cluster appears when the embedded agent registers.
    }
    if (performance.now() > deadline)
      throw new Error('no container instance registered in the default cluster');
    await sleep(100);
  }
};

/**
 * Prepares RunTask starts on a running Berth (waits for its container instance, registers the
 * task definition). `close` stops any task still running.
 */
export const runTaskStarter = async (
  config: BenchConfig,
  endpoint: string,
  /** Receives the ARN of every task started, for cleanup by the caller. */
  started: Set<string>,
): Promise<Starter & { close(): Promise<void> }> => {
  const client = ecsClient(config, endpoint);
  const unstopped = new Set<string>();
  const close = async (): Promise<void> => {
    for (const taskArn of unstopped) await stopAndWait(client, taskArn).catch(() => undefined);
    client.destroy();
  };
  try {
    await waitForContainerInstance(client);
    const registered = await client.send(
      new RegisterTaskDefinitionCommand({
        family: 'bench-runtask',
        networkMode: 'bridge',
        containerDefinitions: [
          {
            name: 'web',
            image: config.testImage,
            memory: 64,
            essential: true,
            portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }],
          },
        ],
      }),
    );
    const taskDefinition = registered.taskDefinition?.taskDefinitionArn ?? 'bench-runtask';
    const start = async (): Promise<StartSample> => {
      const began = performance.now();
      const run = await client.send(
        new RunTaskCommand({ cluster: CLUSTER, taskDefinition, count: 1, launchType: 'EC2' }),
      );
      const taskArn = run.tasks?.[0]?.taskArn;
      if (!taskArn) throw new Error(`RunTask placed nothing: ${JSON.stringify(run.failures ?? [])}`);
      unstopped.add(taskArn);
      started.add(taskArn);
      const task = await waitForStatus(client, taskArn, 'RUNNING', POLL_MS);
      const runningMs = performance.now() - began;
      if (task.lastStatus !== 'RUNNING')
        throw new Error(`task stopped before RUNNING: ${task.stoppedReason}`);
      const hostPort = task.containers?.[0]?.networkBindings?.[0]?.hostPort;
      const answered = hostPort ? await waitForHttp(hostPort, began + DEADLINE_MS) : false;
      const httpMs = answered ? performance.now() - began : undefined;
      await stopAndWait(client, taskArn);
      unstopped.delete(taskArn);
      return { runningMs, httpMs };
    };
    return { system: 'berth RunTask', start, close };
  } catch (error) {
    await close();
    throw error;
  }
};
