/**
 * The awslogs driver as ECS runs it, with the seed's task definition on FARGATE: the agent ships
 * each container's stdout and stderr lines, stamped with the time Docker received them, to
 * `/ecs/web-app-task`, stream `ecs/web-container/<task-id>`, in the `awslogs-region`. The aws CLI
 * reads them back (get-log-events, filter-log-events with patterns); boto3 follows a stream as
 * `aws logs tail --follow` does. A missing group fails the task as ECS does, and
 * `awslogs-create-group` creates it.
 */
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { REPO_ROOT, startServer, type BerthProcess } from './support/berth-process.js';
import { awsOk, python } from './support/clients.js';
import { AWSVPC_NETWORK, EXECUTION_ROLE_ARN, registerFargate } from './support/fargate.js';
import { waitClusterStopped } from './support/services.js';
import { BUSYBOX_IMAGE, ensureTestImages } from './support/test-images.js';
import { waitFor } from './support/wait-for.js';

const REGION = 'ap-northeast-2';
const GROUP = '/ecs/web-app-task';
const fixture = (name: string): string => `file://${join(REPO_ROOT, 'e2e/fixtures', name)}`;

let berth: BerthProcess;

const logs = (args: readonly string[]): any => awsOk(berth.env, ['logs', ...args, '--region', REGION]);

const taskIdOf = (taskArn: string): string => taskArn.split('/').at(-1) ?? '';

/** Runs `family` on FARGATE with `command` as the container's command; returns the task. */
const runTask = (family: string, container: string, command: string): any =>
  awsOk(berth.env, [
    'ecs',
    'run-task',
    '--task-definition',
    family,
    '--launch-type',
    'FARGATE',
    '--network-configuration',
    AWSVPC_NETWORK,
    '--overrides',
    JSON.stringify({ containerOverrides: [{ name: container, command: ['sh', '-c', command] }] }),
  ]).tasks[0];

const waitStopped = (taskArn: string): any => {
  awsOk(berth.env, ['ecs', 'wait', 'tasks-stopped', '--tasks', taskArn]);
  return awsOk(berth.env, ['ecs', 'describe-tasks', '--tasks', taskArn]).tasks[0];
};

/** The stream's events from the head, once `count` have arrived (the agent flushes every 5 s). */
const eventsOf = (group: string, stream: string, count: number): Promise<any[]> =>
  waitFor(
    () => {
      try {
        const page = logs([
          'get-log-events',
          '--log-group-name',
          group,
          '--log-stream-name',
          stream,
          '--start-from-head',
        ]);
        return page.events.length >= count ? page.events : undefined;
      } catch {
        return undefined; // the stream is not there yet
      }
    },
    `${count} events in ${group} ${stream}`,
    30_000,
    500,
  );

/** A FARGATE task definition of one container logging with awslogs (Fargate needs an execution role for it). */
const registerAwslogs = (family: string, options: Record<string, string>): void => {
  const app = {
    name: 'app',
    image: BUSYBOX_IMAGE,
    essential: true,
    logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-region': REGION, ...options } },
  };
  registerFargate(berth.env, family, [app], undefined, EXECUTION_ROLE_ARN);
};

beforeAll(() => {
  ensureTestImages();
}, 60_000);

beforeAll(async () => {
  berth = await startServer();
  logs(['create-log-group', '--log-group-name', GROUP]);
  awsOk(berth.env, [
    'ecs',
    'register-task-definition',
    '--cli-input-json',
    fixture('seed-web-app-task.json'),
  ]);
}, 60_000);

afterAll(async () => {
  await waitClusterStopped(berth.env, 'default');
  await berth?.stop();
});

describe('awslogs on FARGATE', () => {
  it("ships the seed task's stdout and stderr, in order with Docker's times, to its stream", async () => {
    const lines = Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? `out ${i}` : `ERROR err ${i}`));
    const script = lines
      .map((line) => (line.startsWith('ERROR') ? `echo "${line}" >&2` : `echo "${line}"`))
      .join('; usleep 50000; ');
    const task = runTask('web-app-task', 'web-container', script);
    const stopped = waitStopped(task.taskArn);
    expect(stopped.containers[0].exitCode).toBe(0);
    const stream = `ecs/web-container/${taskIdOf(task.taskArn)}`;

    const events = await eventsOf(GROUP, stream, lines.length);
    expect(events.map((e: any) => e.message)).toEqual(lines);
    const times: number[] = events.map((e: any) => e.timestamp);
    // Milliseconds, in order, within the task's run (the agent stamps Docker's receive time).
    expect(times.every((t) => Number.isInteger(t))).toBe(true);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(times[0]).toBeGreaterThanOrEqual(Math.floor(stopped.startedAt * 1000) - 1000);
    expect(times.at(-1)).toBeLessThanOrEqual(Math.ceil(stopped.stoppedAt * 1000));
    const streams = logs(['describe-log-streams', '--log-group-name', GROUP]).logStreams;
    expect(streams.map((s: any) => s.logStreamName)).toEqual([stream]);
    // Newest first without --start-from-head, the same events.
    const latest = logs(['get-log-events', '--log-group-name', GROUP, '--log-stream-name', stream]);
    expect(latest.events.map((e: any) => e.message)).toEqual(lines);

    const errors = logs(['filter-log-events', '--log-group-name', GROUP, '--filter-pattern', 'ERROR']);
    expect(errors.events.map((e: any) => e.message)).toEqual(lines.filter((l) => l.startsWith('ERROR')));
    expect(errors.events.every((e: any) => e.logStreamName === stream)).toBe(true);
    const either = logs([
      'filter-log-events',
      '--log-group-name',
      GROUP,
      '--filter-pattern',
      '?"out 2" ?"err 5"',
    ]);
    expect(either.events.map((e: any) => e.message)).toEqual(['out 2', 'ERROR err 5']);
  }, 120_000);

  it('is followed as it is written, as aws logs tail --follow does (boto3 paging)', () => {
    const task = runTask(
      'web-app-task',
      'web-container',
      'i=0; while [ $i -lt 8 ]; do i=$((i+1)); echo "tick $i"; usleep 400000; done',
    );
    const stream = `ecs/web-container/${taskIdOf(task.taskArn)}`;
    const followed = python({ ...berth.env }, 'logs_follow.py', [REGION, GROUP, stream, '8', '60']);
    expect(followed.status, followed.stderr).toBe(0);
    const events = followed.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(events.map((e) => e.message)).toEqual(Array.from({ length: 8 }, (_, i) => `tick ${i + 1}`));
    waitStopped(task.taskArn);
  }, 120_000);

  it('fails a task whose group is missing, as ECS does, and creates it with awslogs-create-group', async () => {
    registerAwslogs('no-group', { 'awslogs-group': '/ecs/missing', 'awslogs-stream-prefix': 'ecs' });
    const failed = waitStopped(runTask('no-group', 'app', 'echo never').taskArn);
    expect(failed.stopCode).toBe('TaskFailedToStart');
    expect(failed.containers[0].reason).toMatch(
      /^CannotStartContainerError: .*failed to initialize logging driver: .*ResourceNotFoundException: The specified log group does not exist\.$/,
    );

    registerAwslogs('new-group', {
      'awslogs-group': '/ecs/created',
      'awslogs-stream-prefix': 'web',
      'awslogs-create-group': 'true',
    });
    const task = runTask('new-group', 'app', 'echo created');
    expect(waitStopped(task.taskArn).containers[0].exitCode).toBe(0);
    const groups = logs(['describe-log-groups', '--log-group-name-prefix', '/ecs/created']).logGroups;
    expect(groups.map((g: any) => g.logGroupName)).toEqual(['/ecs/created']);
    const events = await eventsOf('/ecs/created', `web/app/${taskIdOf(task.taskArn)}`, 1);
    expect(events.map((e: any) => e.message)).toEqual(['created']);
  }, 120_000);
});
