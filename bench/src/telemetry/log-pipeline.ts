/**
 * From a container's stdout to FilterLogEvents: an EC2 (bridge) task with the awslogs driver prints N
 * lines as fast as it can; Berth's agent ships them and the Logs API stores them. Measured:
 * - lines/s from the first line Docker received to the last line being found by FilterLogEvents,
 *   against the floor: the rate Docker itself received them (the events' own timestamps);
 * - the CPU the `berth server` process (embedded agent + Logs API) spends shipping them, against
 *   the CPU dockerd spends writing the same lines with its own json-file driver: the same task
 *   with `json-file` is run first, and the server's CPU of that run is subtracted as its baseline.
 *   (EC2, not FARGATE: Fargate refuses json-file, as ECS does.)
 */
import { DescribeTasksCommand, RegisterTaskDefinitionCommand, RunTaskCommand } from '@aws-sdk/client-ecs';
import {
  CreateLogGroupCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';

import type { BenchConfig } from '../config.js';
import { ecsClient } from '../ecs-client.js';

import { dockerdPid, processCpuSeconds } from './process-cpu.js';
import { logsClient } from './telemetry-clients.js';

export interface LogPipelineResult {
  readonly lines: number;
  /** Docker's receive rate (first to last line, by the events' timestamps): the floor. */
  readonly dockerLinesPerSecond: number;
  /** First line received by Docker → last line found by FilterLogEvents. */
  readonly visibleLinesPerSecond: number;
  readonly lastLineVisibleAfterMs: number;
  readonly cpuSeconds: {
    readonly serverJsonFile: number;
    readonly dockerdJsonFile: number;
    readonly serverAwslogs: number;
    readonly dockerdAwslogs: number;
  };
}

const GROUP = '/bench/pipeline';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const waitFor = async <T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
): Promise<T> => {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
};

export const benchLogPipeline = async (
  config: BenchConfig,
  endpoint: string,
  serverPid: number,
  lines: number,
): Promise<LogPipelineResult> => {
  const ecs = ecsClient(config, endpoint);
  const logs = logsClient(config, endpoint);
  const dockerd = dockerdPid();
  try {
    await logs.send(new CreateLogGroupCommand({ logGroupName: GROUP }));
    const register = async (family: string, logConfiguration: object): Promise<void> => {
      await ecs.send(
        new RegisterTaskDefinitionCommand({
          family,
          networkMode: 'bridge',
          requiresCompatibilities: ['EC2'],
          executionRoleArn: 'arn:aws:iam::000000000000:role/ecsTaskExecutionRole',
          containerDefinitions: [
            {
              name: 'printer',
              image: config.testImage,
              essential: true,
              memory: 256,
              command: ['sh', '-c', `seq 1 ${lines} | sed 's/^/pipeline line /'`],
              logConfiguration,
            } as never,
          ],
        }),
      );
    };
    const run = async (family: string): Promise<string> => {
      const answer = await ecs.send(new RunTaskCommand({ taskDefinition: family, launchType: 'EC2' }));
      const arn = answer.tasks?.[0]?.taskArn;
      if (!arn) throw new Error(`RunTask failed: ${JSON.stringify(answer.failures)}`);
      return arn;
    };
    const stopped = (arn: string): Promise<true> =>
      waitFor('the task to stop', 120_000, async () => {
        const task = (await ecs.send(new DescribeTasksCommand({ tasks: [arn] }))).tasks?.[0];
        return task?.lastStatus === 'STOPPED' ? true : undefined;
      });

    // json-file: Docker's own driver, nothing shipped.
    await register('bench-json-file', { logDriver: 'json-file' });
    let server0 = processCpuSeconds(serverPid);
    let dockerd0 = processCpuSeconds(dockerd);
    await stopped(await run('bench-json-file'));
    const serverJsonFile = processCpuSeconds(serverPid) - server0;
    const dockerdJsonFile = processCpuSeconds(dockerd) - dockerd0;

    // awslogs: the agent ships every line.
    await register('bench-awslogs', {
      logDriver: 'awslogs',
      options: { 'awslogs-group': GROUP, 'awslogs-region': config.region, 'awslogs-stream-prefix': 'bench' },
    });
    server0 = processCpuSeconds(serverPid);
    dockerd0 = processCpuSeconds(dockerd);
    const arn = await run('bench-awslogs');
    const stream = `bench/printer/${arn.split('/').at(-1) ?? ''}`;
    const lastLine = `pipeline line ${lines}`;
    // Arrival is watched with a cheap read (the stream's newest event), so that the watching does
    // not weigh on the CPU measured; FilterLogEvents then has to find the last line.
    const newest = async (): Promise<string | undefined> => {
      try {
        const page = await logs.send(
          new GetLogEventsCommand({
            logGroupName: GROUP,
            logStreamName: stream,
            startFromHead: false,
            limit: 1,
          }),
        );
        return page.events?.at(-1)?.message;
      } catch {
        return undefined; // the stream is created when the container starts
      }
    };
    await waitFor('the last line to arrive', 300_000, async () =>
      (await newest()) === lastLine ? true : undefined,
    );
    const serverAwslogs = processCpuSeconds(serverPid) - server0;
    const dockerdAwslogs = processCpuSeconds(dockerd) - dockerd0;
    let nextToken: string | undefined;
    let found = false;
    do {
      const page = await logs.send(
        new FilterLogEventsCommand({ logGroupName: GROUP, filterPattern: `"${lastLine}"`, nextToken }),
      );
      found ||= (page.events ?? []).some((e) => e.message === lastLine);
      nextToken = page.nextToken;
    } while (nextToken !== undefined && !found);
    if (!found) throw new Error(`FilterLogEvents did not find ${lastLine}`);
    const visibleAt = Date.now();
    await stopped(arn);

    const edge = async (startFromHead: boolean): Promise<number> => {
      const page = await logs.send(
        new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: stream, startFromHead, limit: 1 }),
      );
      const event = startFromHead ? page.events?.[0] : page.events?.at(-1);
      if (event?.timestamp === undefined) throw new Error(`no events in ${stream}`);
      return event.timestamp;
    };
    const first = await edge(true);
    const lastReceived = await edge(false);
    return {
      lines,
      dockerLinesPerSecond: lines / Math.max(0.001, (lastReceived - first) / 1000),
      visibleLinesPerSecond: lines / Math.max(0.001, (visibleAt - first) / 1000),
      lastLineVisibleAfterMs: visibleAt - lastReceived,
      cpuSeconds: { serverJsonFile, dockerdJsonFile, serverAwslogs, dockerdAwslogs },
    };
  } finally {
    ecs.destroy();
    logs.destroy();
  }
};
