/**
 * The walkthrough of the seed documents, with the real aws CLI against a real `berth server`:
 * clusters, the seed task definitions verbatim, and a busybox httpd task that really serves.
 */
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { REPO_ROOT, startServer, type BerthProcess } from './support/berth-process.js';
import { aws, awsOk, docker } from './support/clients.js';
import { ensureTestImages, MISSING_IMAGE } from './support/test-images.js';
import { httpGet, waitFor } from './support/wait-for.js';

const fixture = (name: string): string => `file://${join(REPO_ROOT, 'e2e/fixtures', name)}`;

let berth: BerthProcess;
beforeAll(async () => {
  ensureTestImages();
  berth = await startServer();
});
afterAll(async () => {
  await berth?.stop();
});

describe('clusters (seed walkthrough)', () => {
  it('creates, lists and describes my-production-cluster', () => {
    const created = awsOk(berth.env, ['ecs', 'create-cluster', '--cluster-name', 'my-production-cluster']);
    expect(created.cluster).toMatchObject({
      clusterName: 'my-production-cluster',
      clusterArn: 'arn:aws:ecs:us-east-1:000000000000:cluster/my-production-cluster',
      status: 'ACTIVE',
      registeredContainerInstancesCount: 0,
      runningTasksCount: 0,
      pendingTasksCount: 0,
      activeServicesCount: 0,
    });
    const listed = awsOk(berth.env, ['ecs', 'list-clusters']);
    expect(listed.clusterArns).toContain(created.cluster.clusterArn);
    const described = awsOk(berth.env, ['ecs', 'describe-clusters', '--clusters', 'my-production-cluster']);
    expect(described.clusters).toHaveLength(1);
    expect(described.failures).toEqual([]);
  });

  it('creates clusters with FARGATE capacity providers and tags', () => {
    for (const [name, env] of [
      ['production-cluster', 'Production'],
      ['dev-cluster', 'Development'],
    ] as const) {
      const created = awsOk(berth.env, [
        'ecs',
        'create-cluster',
        '--cluster-name',
        name,
        '--capacity-providers',
        'FARGATE',
        '--default-capacity-provider-strategy',
        'capacityProvider=FARGATE,weight=1',
        '--tags',
        `key=Environment,value=${env}`,
      ]);
      expect(created.cluster.capacityProviders).toEqual(['FARGATE']);
      expect(created.cluster.defaultCapacityProviderStrategy).toEqual([
        { capacityProvider: 'FARGATE', weight: 1, base: 0 },
      ]);
      expect(created.cluster.tags).toEqual([{ key: 'Environment', value: env }]);
      const described = awsOk(berth.env, [
        'ecs',
        'describe-clusters',
        '--clusters',
        name,
        '--include',
        'TAGS',
      ]);
      expect(described.clusters[0].tags).toEqual([{ key: 'Environment', value: env }]);
    }
  });

  it("the CLI itself rejects the seed's Key=/Value= tag spelling", () => {
    const result = aws(berth.env, [
      'ecs',
      'create-cluster',
      '--cluster-name',
      'x',
      '--tags',
      'Key=Environment,Value=Production',
    ]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/Unknown parameter in tags\[0\]: "Key"/);
  });

  it('answers unknown clusters with MISSING failures and ClusterNotFoundException', () => {
    const described = awsOk(berth.env, ['ecs', 'describe-clusters', '--clusters', 'nope']);
    expect(described.failures).toEqual([
      { arn: 'arn:aws:ecs:us-east-1:000000000000:cluster/nope', reason: 'MISSING' },
    ]);
    const result = aws(berth.env, ['ecs', 'list-tasks', '--cluster', 'nope']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(
      'An error occurred (ClusterNotFoundException) when calling the ListTasks operation: Cluster not found.',
    );
  });
});

describe('task definitions (seed walkthrough)', () => {
  it.each(['seed-web-app-task.json', 'seed-optimized-web-app.json', 'seed-multi-container-app.json'])(
    'registers %s verbatim',
    (file) => {
      const registered = awsOk(berth.env, [
        'ecs',
        'register-task-definition',
        '--cli-input-json',
        fixture(file),
      ]);
      const definition = registered.taskDefinition;
      expect(definition.status).toBe('ACTIVE');
      expect(definition.revision).toBe(1);
      expect(definition.taskDefinitionArn).toBe(
        `arn:aws:ecs:us-east-1:000000000000:task-definition/${definition.family}:1`,
      );
      expect(definition.compatibilities).toEqual(expect.arrayContaining(['EC2', 'FARGATE']));
      const described = awsOk(berth.env, [
        'ecs',
        'describe-task-definition',
        '--task-definition',
        definition.family,
      ]);
      expect(described.taskDefinition).toEqual(definition);
    },
  );

  it('keeps the healthCheck, ulimits and dependsOn of the seed definitions', () => {
    const optimized = awsOk(berth.env, [
      'ecs',
      'describe-task-definition',
      '--task-definition',
      'optimized-web-app:1',
    ]);
    expect(optimized.taskDefinition.containerDefinitions[0].healthCheck).toEqual({
      command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'],
      interval: 30,
      timeout: 5,
      retries: 3,
      startPeriod: 60,
    });
    expect(optimized.taskDefinition.containerDefinitions[0].ulimits).toEqual([
      { name: 'nofile', softLimit: 65536, hardLimit: 65536 },
    ]);
    const multi = awsOk(berth.env, [
      'ecs',
      'describe-task-definition',
      '--task-definition',
      'multi-container-app',
    ]);
    expect(multi.taskDefinition.containerDefinitions[1].dependsOn).toEqual([
      { containerName: 'web', condition: 'START' },
    ]);
  });

  it('rejects a Fargate definition with a bad size, with the ECS error', () => {
    const result = aws(berth.env, [
      'ecs',
      'register-task-definition',
      '--family',
      'bad',
      '--requires-compatibilities',
      'FARGATE',
      '--network-mode',
      'awsvpc',
      '--cpu',
      '256',
      '--memory',
      '4096',
      '--container-definitions',
      '[{"name":"a","image":"nginx:alpine"}]',
    ]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(
      '(ClientException) when calling the RegisterTaskDefinition operation: No Fargate configuration exists for given values.',
    );
  });

  it('rejects an EC2 container without memory', () => {
    const result = aws(berth.env, [
      'ecs',
      'register-task-definition',
      '--family',
      'nomem',
      '--container-definitions',
      '[{"name":"a","image":"nginx:alpine"}]',
    ]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('(ClientException)');
    expect(result.stderr).toContain("At least one of 'memory' or 'memoryReservation' must be specified.");
  });
});

describe('tasks on the embedded agent', () => {
  it('runs a busybox httpd task that serves on its networkBindings host port, then stops it', async () => {
    awsOk(berth.env, ['ecs', 'register-task-definition', '--cli-input-json', fixture('busybox-httpd.json')]);
    const run = awsOk(berth.env, [
      'ecs',
      'run-task',
      '--task-definition',
      'busybox-httpd',
      '--started-by',
      'e2e',
    ]);
    expect(run.failures).toEqual([]);
    const taskArn: string = run.tasks[0].taskArn;
    expect(run.tasks[0]).toMatchObject({
      lastStatus: 'PENDING',
      desiredStatus: 'RUNNING',
      launchType: 'EC2',
      group: 'family:busybox-httpd',
      startedBy: 'e2e',
      version: 1,
    });
    awsOk(berth.env, ['ecs', 'wait', 'tasks-running', '--tasks', taskArn]);
    const running = awsOk(berth.env, ['ecs', 'describe-tasks', '--tasks', taskArn]).tasks[0];
    expect(running.lastStatus).toBe('RUNNING');
    expect(running.startedAt).toBeGreaterThan(0);
    const binding = running.containers[0].networkBindings[0];
    expect(binding).toMatchObject({ containerPort: 80, protocol: 'tcp' });
    expect(binding.hostPort).toBeGreaterThan(1024);
    const page = await httpGet(`http://127.0.0.1:${binding.hostPort}/`);
    expect(page).toEqual({ status: 200, body: 'hello from berth\n' });

    const cluster = awsOk(berth.env, ['ecs', 'describe-clusters']).clusters[0];
    expect(cluster.runningTasksCount).toBeGreaterThanOrEqual(1);
    expect(awsOk(berth.env, ['ecs', 'list-tasks']).taskArns).toContain(taskArn);

    awsOk(berth.env, ['ecs', 'stop-task', '--task', taskArn]);
    awsOk(berth.env, ['ecs', 'wait', 'tasks-stopped', '--tasks', taskArn]);
    const stopped = awsOk(berth.env, ['ecs', 'describe-tasks', '--tasks', taskArn]).tasks[0];
    expect(stopped).toMatchObject({
      lastStatus: 'STOPPED',
      desiredStatus: 'STOPPED',
      stopCode: 'UserInitiated',
      stoppedReason: 'Task stopped by user',
    });
    expect(stopped.stoppedAt).toBeGreaterThanOrEqual(stopped.startedAt);
    expect(awsOk(berth.env, ['ecs', 'list-tasks', '--desired-status', 'STOPPED']).taskArns).toContain(
      taskArn,
    );
  });

  it('stops a task whose essential container exits, with its exit code', () => {
    const run = awsOk(berth.env, [
      'ecs',
      'run-task',
      '--task-definition',
      'busybox-httpd',
      '--overrides',
      JSON.stringify({ containerOverrides: [{ name: 'web', command: ['sh', '-c', 'exit 3'] }] }),
    ]);
    const taskArn: string = run.tasks[0].taskArn;
    awsOk(berth.env, ['ecs', 'wait', 'tasks-stopped', '--tasks', taskArn]);
    const task = awsOk(berth.env, ['ecs', 'describe-tasks', '--tasks', taskArn]).tasks[0];
    expect(task).toMatchObject({
      lastStatus: 'STOPPED',
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
    });
    expect(task.containers[0]).toMatchObject({ name: 'web', lastStatus: 'STOPPED', exitCode: 3 });
  });

  it('ends a task with a missing image in CannotPullContainerError', () => {
    awsOk(berth.env, [
      'ecs',
      'register-task-definition',
      '--family',
      'missing-image',
      '--container-definitions',
      JSON.stringify([{ name: 'app', image: MISSING_IMAGE, memory: 32 }]),
    ]);
    const taskArn: string = awsOk(berth.env, ['ecs', 'run-task', '--task-definition', 'missing-image'])
      .tasks[0].taskArn;
    awsOk(berth.env, ['ecs', 'wait', 'tasks-stopped', '--tasks', taskArn]);
    const task = awsOk(berth.env, ['ecs', 'describe-tasks', '--tasks', taskArn]).tasks[0];
    expect(task.stopCode).toBe('TaskFailedToStart');
    expect(task.stoppedReason).toMatch(/^CannotPullContainerError: /);
    expect(task.containers[0].reason).toMatch(/^CannotPullContainerError: /);
  });

  it('reports container health from the healthCheck, and dependsOn orders the start', async () => {
    awsOk(berth.env, [
      'ecs',
      'register-task-definition',
      '--family',
      'healthy-web',
      '--container-definitions',
      JSON.stringify([
        {
          name: 'web',
          image: 'berth-test/busybox:latest',
          memory: 64,
          portMappings: [{ containerPort: 80 }],
          healthCheck: {
            command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'],
            interval: 5,
            timeout: 2,
            retries: 3,
          },
          // (within this host's hard limit: Docker cannot raise a limit above it)
          ulimits: [{ name: 'nofile', softLimit: 4096, hardLimit: 4096 }],
        },
        {
          name: 'after-healthy',
          image: 'berth-test/busybox:latest',
          memory: 32,
          essential: false,
          dependsOn: [{ containerName: 'web', condition: 'HEALTHY' }],
          command: ['sh', '-c', 'trap "exit 0" TERM; while :; do sleep 1; done'],
        },
      ]),
    ]);
    const taskArn: string = awsOk(berth.env, ['ecs', 'run-task', '--task-definition', 'healthy-web']).tasks[0]
      .taskArn;
    const task = await waitFor(
      () => {
        const t = awsOk(berth.env, ['ecs', 'describe-tasks', '--tasks', taskArn]).tasks[0];
        return t.healthStatus === 'HEALTHY' && t.containers.every((c: any) => c.lastStatus === 'RUNNING')
          ? t
          : undefined;
      },
      'a HEALTHY task with both containers running',
      90_000,
      1000,
    );
    expect(task.lastStatus).toBe('RUNNING');
    expect(task.containers.find((c: any) => c.name === 'web').healthStatus).toBe('HEALTHY');
    const web = task.containers.find((c: any) => c.name === 'web');
    expect(docker(['exec', web.runtimeId, 'sh', '-c', 'ulimit -n']).stdout.trim()).toBe('4096');
    const port = web.networkBindings[0].hostPort;
    expect((await httpGet(`http://127.0.0.1:${port}/`)).status).toBe(200);
    awsOk(berth.env, ['ecs', 'stop-task', '--task', taskArn]);
    awsOk(berth.env, ['ecs', 'wait', 'tasks-stopped', '--tasks', taskArn]);
  });

  it('start-task runs a task on the named container instance', () => {
    const [instance] = awsOk(berth.env, ['ecs', 'list-container-instances']).containerInstanceArns;
    const started = awsOk(berth.env, [
      'ecs',
      'start-task',
      '--task-definition',
      'busybox-httpd',
      '--container-instances',
      instance,
    ]);
    expect(started.failures).toEqual([]);
    expect(started.tasks[0].containerInstanceArn).toBe(instance);
    const taskArn: string = started.tasks[0].taskArn;
    awsOk(berth.env, ['ecs', 'wait', 'tasks-running', '--tasks', taskArn]);
    const listed = awsOk(berth.env, [
      'ecs',
      'list-tasks',
      '--container-instance',
      instance,
      '--family',
      'busybox-httpd',
    ]);
    expect(listed.taskArns).toContain(taskArn);
    awsOk(berth.env, ['ecs', 'stop-task', '--task', taskArn, '--reason', 'done']);
    awsOk(berth.env, ['ecs', 'wait', 'tasks-stopped', '--tasks', taskArn]);
  });

  it('answers bad input with the exact AWS errors', () => {
    const cases: [string[], string][] = [
      [
        ['ecs', 'run-task', '--task-definition', 'no-such-family'],
        '(ClientException) when calling the RunTask operation: Unable to describe task definition.',
      ],
      [
        ['ecs', 'run-task', '--task-definition', 'busybox-httpd', '--count', '11'],
        '(InvalidParameterException) when calling the RunTask operation',
      ],
      [
        ['ecs', 'stop-task', '--task', '0123456789abcdef0123456789abcdef'],
        '(InvalidParameterException) when calling the StopTask operation: The referenced task was not found.',
      ],
      [
        ['ecs', 'describe-task-definition', '--task-definition', 'nope:1'],
        '(ClientException) when calling the DescribeTaskDefinition operation: Unable to describe task definition.',
      ],
      [
        ['ecs', 'delete-cluster', '--cluster', 'nope'],
        '(ClusterNotFoundException) when calling the DeleteCluster operation: Cluster not found.',
      ],
    ];
    for (const [args, message] of cases) {
      const result = aws(berth.env, args);
      expect(result.status, args.join(' ')).not.toBe(0);
      expect(result.stderr, args.join(' ')).toContain(message);
    }
    const missing = awsOk(berth.env, [
      'ecs',
      'describe-tasks',
      '--tasks',
      '0123456789abcdef0123456789abcdef',
    ]);
    expect(missing.failures).toEqual([
      {
        arn: 'arn:aws:ecs:us-east-1:000000000000:task/default/0123456789abcdef0123456789abcdef',
        reason: 'MISSING',
      },
    ]);
  });
});
