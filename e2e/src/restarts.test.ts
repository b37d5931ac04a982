/**
 * Restart safety: kill -9 an agent while its tasks run and start it again — every container is
 * re-adopted, none lost or duplicated; stop `berth server` (with a data directory) and the tasks
 * keep running, and a restart on the same directory carries on with them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  startAgent,
  startServer,
  tempDir,
  type AgentProcess,
  type BerthProcess,
  stopAll,
} from './support/berth-process.js';
import { awsOk, docker } from './support/clients.js';
import { sleeperDefinitions } from './support/sleeper.js';
import { ensureTestImages } from './support/test-images.js';
import { waitFor } from './support/wait-for.js';

const SLEEPER = sleeperDefinitions();

const containersOf = (taskArn: string): string[] =>
  docker(['ps', '-a', '-q', '--no-trunc', '--filter', `label=com.amazonaws.ecs.task-arn=${taskArn}`])
    .stdout.split('\n')
    .filter(Boolean);

const runningContainersOf = (taskArn: string): string[] =>
  docker(['ps', '-q', '--no-trunc', '--filter', `label=com.amazonaws.ecs.task-arn=${taskArn}`])
    .stdout.split('\n')
    .filter(Boolean);

beforeAll(() => ensureTestImages());

describe('agent kill -9 and restart', () => {
  let server: BerthProcess;
  let agent: AgentProcess;
  afterAll(async () => {
    await stopAll(agent, server);
  });

  it('re-adopts running containers without losing or duplicating any', async () => {
    server = await startServer({ agent: false });
    agent = await startAgent({ endpoint: server.endpoint });
    awsOk(server.env, [
      'ecs',
      'register-task-definition',
      '--family',
      'sleeper',
      '--container-definitions',
      SLEEPER,
    ]);
    const tasks: string[] = awsOk(server.env, [
      'ecs',
      'run-task',
      '--task-definition',
      'sleeper',
      '--count',
      '3',
    ]).tasks.map((t: any) => t.taskArn);
    awsOk(server.env, ['ecs', 'wait', 'tasks-running', '--tasks', ...tasks]);
    const before = Object.fromEntries(tasks.map((arn) => [arn, containersOf(arn)]));
    for (const ids of Object.values(before)) expect(ids).toHaveLength(1);

    await agent.kill9();
    for (const arn of tasks) expect(runningContainersOf(arn)).toEqual(before[arn]);
    // A task stopped while the agent is away is stopped once it is back.
    awsOk(server.env, ['ecs', 'stop-task', '--task', tasks[0]!]);

    agent = await startAgent({ endpoint: server.endpoint, stateDir: agent.stateDir });
    expect(agent.instanceArn).toBe(
      awsOk(server.env, ['ecs', 'list-container-instances']).containerInstanceArns[0],
    );
    awsOk(server.env, ['ecs', 'wait', 'tasks-stopped', '--tasks', tasks[0]!]);
    const described = awsOk(server.env, ['ecs', 'describe-tasks', '--tasks', ...tasks]).tasks;
    expect(described.map((t: any) => t.lastStatus).sort()).toEqual(['RUNNING', 'RUNNING', 'STOPPED']);
    for (const arn of tasks.slice(1)) {
      expect(containersOf(arn)).toEqual(before[arn]);
      expect(runningContainersOf(arn)).toEqual(before[arn]);
    }
    const instances = awsOk(server.env, ['ecs', 'list-container-instances']).containerInstanceArns;
    expect(instances).toHaveLength(1);
    awsOk(server.env, ['ecs', 'stop-task', '--task', tasks[1]!]);
    awsOk(server.env, ['ecs', 'wait', 'tasks-stopped', '--tasks', tasks[1]!]);
    expect(runningContainersOf(tasks[1]!)).toEqual([]);
    expect(runningContainersOf(tasks[2]!)).toEqual(before[tasks[2]!]);
    awsOk(server.env, ['ecs', 'stop-task', '--task', tasks[2]!]);
    awsOk(server.env, ['ecs', 'wait', 'tasks-stopped', '--tasks', tasks[2]!]);
  });

  it('never touches containers it did not create', async () => {
    const name = `not-berths-${Date.now()}`;
    expect(
      docker([
        'run',
        '-d',
        '--name',
        name,
        '--label',
        'com.amazonaws.ecs.task-arn=arn:aws:ecs:us-east-1:000000000000:task/default/foreign',
        'berth-test/busybox:latest',
      ]).status,
    ).toBe(0);
    try {
      await agent.kill9();
      agent = await startAgent({ endpoint: server.endpoint, stateDir: agent.stateDir });
      await waitFor(
        () =>
          awsOk(server.env, [
            'ecs',
            'describe-container-instances',
            '--container-instances',
            agent.instanceArn,
          ]).containerInstances[0].agentConnected,
        'agent connected',
      );
      expect(docker(['inspect', '-f', '{{.State.Running}}', name]).stdout.trim()).toBe('true');
    } finally {
      docker(['rm', '-f', name]);
    }
  });
});

describe('server stop and restart on the same data directory', () => {
  it('leaves tasks running while it is away and carries on with them', async () => {
    const dataDir = tempDir('berth-e2e-data-');
    let server = await startServer({ dataDir });
    try {
      awsOk(server.env, [
        'ecs',
        'register-task-definition',
        '--family',
        'sleeper',
        '--container-definitions',
        SLEEPER,
      ]);
      const taskArn: string = awsOk(server.env, ['ecs', 'run-task', '--task-definition', 'sleeper']).tasks[0]
        .taskArn;
      awsOk(server.env, ['ecs', 'wait', 'tasks-running', '--tasks', taskArn]);
      const ids = runningContainersOf(taskArn);
      expect(ids).toHaveLength(1);

      await server.stop();
      expect(runningContainersOf(taskArn)).toEqual(ids);

      server = await startServer({ dataDir });
      const task = awsOk(server.env, ['ecs', 'describe-tasks', '--tasks', taskArn]).tasks[0];
      expect(task.lastStatus).toBe('RUNNING');
      await waitFor(
        () =>
          awsOk(server.env, ['ecs', 'describe-clusters']).clusters[0].registeredContainerInstancesCount === 1,
        'one instance',
      );
      expect(awsOk(server.env, ['ecs', 'list-container-instances']).containerInstanceArns).toHaveLength(1);
      expect(runningContainersOf(taskArn)).toEqual(ids);

      awsOk(server.env, ['ecs', 'stop-task', '--task', taskArn]);
      awsOk(server.env, ['ecs', 'wait', 'tasks-stopped', '--tasks', taskArn]);
      expect(runningContainersOf(taskArn)).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  it('with --in-memory, a clean shutdown stops and removes the containers it started', async () => {
    const server = await startServer();
    awsOk(server.env, [
      'ecs',
      'register-task-definition',
      '--family',
      'sleeper',
      '--container-definitions',
      SLEEPER,
    ]);
    const taskArn: string = awsOk(server.env, ['ecs', 'run-task', '--task-definition', 'sleeper']).tasks[0]
      .taskArn;
    awsOk(server.env, ['ecs', 'wait', 'tasks-running', '--tasks', taskArn]);
    expect(containersOf(taskArn)).toHaveLength(1);
    await server.stop();
    expect(containersOf(taskArn)).toEqual([]);
  });
});
