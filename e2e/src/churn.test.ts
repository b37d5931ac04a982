/**
 * Correctness under churn: 100 iterations of RunTask/StopTask (bridge and awsvpc on an EC2 agent,
 * FARGATE on the managed capacity) and of create/update/force-delete of services, with one kill -9
 * of the server (data directory kept) and one of the agent midway. While it runs, no container of a
 * STOPPED task is ever running; afterwards every task reaches STOPPED, no task reason says `port is
 * already allocated`, and once the (short) cleanup wait has passed no container of these clusters
 * is left on the host.
 */
import { randomBytes } from 'node:crypto';

import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  UpdateServiceCommand,
  type Task,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, expect, it } from 'vitest';

import {
  startAgent,
  startServer,
  tempDir,
  TEST_CREDENTIALS,
  TEST_REGION,
  type AgentProcess,
  type BerthProcess,
  stopAll,
} from './support/berth-process.js';
import { awsOk, docker } from './support/clients.js';
import { ensureTestImages } from './support/test-images.js';
import { waitFor } from './support/wait-for.js';

const SUFFIX = randomBytes(3).toString('hex');
const EC2 = `churn-${SUFFIX}`;
const FARGATE = `churn-fg-${SUFFIX}`;
const NETWORK = { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'] } };
const ITERATIONS = 100;

const dataDir = tempDir('berth-e2e-churn-');
const agentDir = tempDir('berth-e2e-churn-agent-');
let server: BerthProcess;
let agent: AgentProcess;
let port = 0;

const ecs = (): ECSClient =>
  new ECSClient({
    endpoint: server.endpoint,
    region: TEST_REGION,
    credentials: TEST_CREDENTIALS,
    maxAttempts: 1,
  });

/** Retries a call while the server is down (it is killed once), giving up after a minute. */
const call = async <T>(work: (client: ECSClient) => Promise<T>): Promise<T> => {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const client = ecs();
    try {
      return await work(client);
    } catch (error) {
      const name = (error as { name?: string }).name ?? '';
      const down =
        /ECONNREFUSED|ECONNRESET|socket hang up|fetch failed/i.test(String(error)) || name === 'TimeoutError';
      if (!down || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    } finally {
      client.destroy();
    }
  }
};

const clusterArn = (name: string): string => `arn:aws:ecs:${TEST_REGION}:000000000000:cluster/${name}`;

/** Containers of this test's clusters; `running` only the running ones. */
const containersHere = (running: boolean): { id: string; taskArn: string }[] =>
  [EC2, FARGATE].flatMap((name) =>
    docker([
      'ps',
      ...(running ? [] : ['-a']),
      '--no-trunc',
      '--filter',
      `label=com.amazonaws.ecs.cluster=${clusterArn(name)}`,
      '--format',
      '{{.ID}} {{.Label "com.amazonaws.ecs.task-arn"}}',
    ])
      .stdout.split('\n')
      .filter(Boolean)
      .map((line) => {
        const [id = '', taskArn = ''] = line.split(' ');
        return { id, taskArn };
      }),
  );

const describeAll = async (cluster: string, desiredStatus: 'RUNNING' | 'STOPPED'): Promise<Task[]> => {
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await call((c) => c.send(new ListTasksCommand({ cluster, desiredStatus, nextToken })));
    arns.push(...(page.taskArns ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  const tasks: Task[] = [];
  for (let i = 0; i < arns.length; i += 100) {
    const out = await call((c) =>
      c.send(new DescribeTasksCommand({ cluster, tasks: arns.slice(i, i + 100) })),
    );
    tasks.push(...(out.tasks ?? []));
  }
  return tasks;
};

/**
 * Every ~1.5 s: the tasks the control plane says are STOPPED (read first), then the containers that
 * run. A STOPPED task has stopped every container before it reported so, so any of its containers
 * running afterwards is a real violation.
 */
const watchStoppedTasks = (): { stop: () => Promise<string[]> } => {
  const violations: string[] = [];
  let going = true;
  const loop = (async () => {
    while (going) {
      try {
        const stopped = new Set(
          (await Promise.all([EC2, FARGATE].map((c) => describeAll(c, 'STOPPED'))))
            .flat()
            .filter((t) => t.lastStatus === 'STOPPED')
            .map((t) => t.taskArn ?? ''),
        );
        for (const c of containersHere(true))
          if (stopped.has(c.taskArn)) violations.push(`${c.id} runs for STOPPED ${c.taskArn}`);
      } catch {
        // the server is down for a moment: sample again
      }
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }
  })();
  return {
    stop: async () => {
      going = false;
      await loop;
      return violations;
    },
  };
};

beforeAll(async () => {
  ensureTestImages();
  server = await startServer({ dataDir });
  port = Number(new URL(server.endpoint).port);
  for (const name of [EC2, FARGATE]) awsOk(server.env, ['ecs', 'create-cluster', '--cluster-name', name]);
  agent = await startAgent({
    endpoint: server.endpoint,
    cluster: EC2,
    stateDir: agentDir,
  });
});
afterAll(async () => {
  await stopAll(agent, server);
});

const web = (family: string, kind: 'bridge' | 'awsvpc' | 'fargate', revision: number) =>
  new RegisterTaskDefinitionCommand({
    family,
    networkMode: kind === 'bridge' ? 'bridge' : 'awsvpc',
    ...(kind === 'fargate' ? { requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512' } : {}),
    containerDefinitions: [
      {
        name: 'web',
        image: 'berth-test/busybox:latest',
        ...(kind === 'fargate' ? {} : { memory: 16 }),
        portMappings: [{ containerPort: 80 }],
        environment: [{ name: 'REVISION', value: String(revision) }],
      },
    ],
  });

const KINDS = ['bridge', 'awsvpc', 'fargate'] as const;
const clusterOf = (kind: (typeof KINDS)[number]): string => (kind === 'fargate' ? FARGATE : EC2);
const launch = (kind: (typeof KINDS)[number]) =>
  kind === 'fargate'
    ? { launchType: 'FARGATE' as const, networkConfiguration: NETWORK }
    : kind === 'awsvpc'
      ? { networkConfiguration: NETWORK }
      : {};

it('keeps every task and container in step through 100 iterations, a server kill -9 and an agent kill -9', async () => {
  for (const kind of KINDS) await call((c) => c.send(web(`churn-${kind}`, kind, 0)));
  const watcher = watchStoppedTasks();
  const live: { cluster: string; taskArn: string }[] = [];
  const services: { name: string; kind: (typeof KINDS)[number] }[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    if (i === 33) {
      await server.kill9();
      server = await startServer({ dataDir, port });
    }
    if (i === 66) {
      await agent.kill9();
      agent = await startAgent({
        endpoint: server.endpoint,
        cluster: EC2,
        stateDir: agentDir,
      });
    }
    const kind = KINDS[i % KINDS.length] ?? 'bridge';
    const run = await call((c) =>
      c.send(
        new RunTaskCommand({ cluster: clusterOf(kind), taskDefinition: `churn-${kind}`, ...launch(kind) }),
      ),
    );
    for (const t of run.tasks ?? []) live.push({ cluster: clusterOf(kind), taskArn: t.taskArn ?? '' });
    while (live.length > 6) {
      const victim = live.shift();
      if (victim)
        await call((c) =>
          c.send(new StopTaskCommand({ cluster: victim.cluster, task: victim.taskArn, reason: 'churn' })),
        );
    }
    if (i % 4 === 0) {
      const name = `svc-${i}`;
      await call((c) =>
        c.send(
          new CreateServiceCommand({
            cluster: clusterOf(kind),
            serviceName: name,
            taskDefinition: `churn-${kind}`,
            desiredCount: 2,
            ...launch(kind),
            deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200 },
          }),
        ),
      );
      services.push({ name, kind });
    } else if (i % 4 === 1 && services.length > 0) {
      const target = services[services.length - 1];
      if (target) {
        const definition = await call((c) => c.send(web(`churn-${target.kind}`, target.kind, i)));
        await call((c) =>
          c.send(
            new UpdateServiceCommand({
              cluster: clusterOf(target.kind),
              service: target.name,
              taskDefinition: definition.taskDefinition?.taskDefinitionArn,
              desiredCount: 1 + (i % 3),
            }),
          ),
        );
      }
    } else if (i % 4 === 2 && services.length > 2) {
      const oldest = services.shift();
      if (oldest)
        await call((c) =>
          c.send(
            new DeleteServiceCommand({ cluster: clusterOf(oldest.kind), service: oldest.name, force: true }),
          ),
        );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  // Wind everything down: every service deleted, every task stopped, every task reaching STOPPED.
  for (const s of services)
    await call((c) =>
      c.send(new DeleteServiceCommand({ cluster: clusterOf(s.kind), service: s.name, force: true })),
    );
  for (const t of live)
    await call((c) => c.send(new StopTaskCommand({ cluster: t.cluster, task: t.taskArn })));
  const everything = await waitFor(
    async () => {
      const running = (await Promise.all([EC2, FARGATE].map((c) => describeAll(c, 'RUNNING')))).flat();
      if (running.length > 0) return undefined;
      const stopped = (await Promise.all([EC2, FARGATE].map((c) => describeAll(c, 'STOPPED')))).flat();
      return stopped.every((t) => t.lastStatus === 'STOPPED') ? stopped : undefined;
    },
    'every task STOPPED',
    180_000,
    1000,
  );
  const violations = await watcher.stop();
  expect(violations).toEqual([]);
  expect(everything.length).toBeGreaterThan(ITERATIONS);
  const reasons = everything.flatMap((t) => [
    t.stoppedReason ?? '',
    ...(t.containers ?? []).map((c) => c.reason ?? ''),
  ]);
  expect(reasons.filter((r) => r.includes('port is already allocated'))).toEqual([]);

  // Once the cleanup wait has passed, nothing of these clusters is left on the host.
  await waitFor(
    () => containersHere(false).length === 0,
    'no container of these clusters left',
    60_000,
    1000,
  );
}, 900_000);
