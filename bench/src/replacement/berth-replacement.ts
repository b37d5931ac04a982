/**
 * Berth: a service of 2 tasks on `berth server` with its embedded agent. Each round kills one
 * RUNNING task's container (see container-kill.ts) and times until the service
 * again has 2 RUNNING tasks, one of them new (ListTasks + DescribeTasks every 20 ms), then until
 * the new task's published port answers HTTP. Before the next round it waits for steady state:
 * the old task STOPPED, DescribeServices runningCount 2 and pendingCount 0.
 */
import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListContainerInstancesCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  type ECSClient,
  type Task,
} from '@aws-sdk/client-ecs';

import type { BenchConfig } from '../config.js';
import { ecsClient } from '../ecs-client.js';
import { waitForHttp } from '../net.js';
import type { StartSample, Starter } from '../start-latency.js';

import { finishedAt, killContainer, pollUntil, type KillMode } from './container-kill.js';

const CLUSTER = 'default';
const SERVICE = 'bench-replacement';
const DESIRED = 2;
const POLL_MS = 20;
const TIMEOUT_MS = 60_000;

/** Milliseconds from the kill to what Berth recorded, per round (warm-up first). */
export interface BerthTimeline {
  /** The killed container's State.FinishedAt: Docker saw its process exit (NaN once removed). */
  readonly exitedMs: number;
  /** The old task's executionStoppedAt: the agent has marked it STOPPED. */
  readonly agentStoppedMs: number;
  /** The old task's stoppedAt: the control plane has seen it STOPPED. */
  readonly stoppedMs: number;
  /** The new task's createdAt: the service scheduler has placed the replacement. */
  readonly createdMs: number;
  /** The new task's pullStartedAt: the agent has the replacement and begins with its image. */
  readonly pullStartedMs: number;
  /** The new task's startedAt: its container is running, as reported by the agent. */
  readonly startedMs: number;
  /** The bench's poll sees it RUNNING (same as the round's running figure). */
  readonly observedMs: number;
}

export interface BerthReplacementStarter extends Starter {
  readonly timelines: BerthTimeline[];
  /** Deletes the service (force), waits for its tasks to stop. Never throws. */
  close(): Promise<void>;
}

const sinceKill = (date: Date | undefined, wallMs: number): number =>
  date ? date.getTime() - wallMs : Number.NaN;

const describeTasks = async (client: ECSClient, arns: readonly string[]): Promise<Task[]> => {
  const tasks: Task[] = [];
  for (let i = 0; i < arns.length; i += 100) {
    const out = await client.send(
      new DescribeTasksCommand({ cluster: CLUSTER, tasks: arns.slice(i, i + 100) }),
    );
    tasks.push(...(out.tasks ?? []));
  }
  return tasks;
};

/** The service's tasks whose desired status is RUNNING, described. */
const serviceTasks = async (client: ECSClient): Promise<Task[]> => {
  const listed = await client.send(new ListTasksCommand({ cluster: CLUSTER, serviceName: SERVICE }));
  return describeTasks(client, listed.taskArns ?? []);
};

const running = (tasks: readonly Task[]): Task[] => tasks.filter((t) => t.lastStatus === 'RUNNING');

/** What the service looked like, for an error message when Berth does not converge. */
const serviceState = async (client: ECSClient): Promise<string> => {
  try {
    const service = (
      await client.send(new DescribeServicesCommand({ cluster: CLUSTER, services: [SERVICE] }))
    ).services?.[0];
    const tasks = await serviceTasks(client);
    const events = (service?.events ?? []).slice(0, 3).map((e) => e.message ?? '');
    return (
      `service ${service?.status ?? 'missing'} desired ${service?.desiredCount ?? '?'} running ` +
      `${service?.runningCount ?? '?'} pending ${service?.pendingCount ?? '?'}; tasks ` +
      `[${tasks.map((t) => `${t.taskArn?.split('/').pop() ?? '?'} ${t.lastStatus ?? '?'}/${t.desiredStatus ?? '?'}`).join(', ')}]; ` +
      `latest events: ${JSON.stringify(events)}`
    );
  } catch (error) {
    return `(could not describe the service: ${error instanceof Error ? error.message : String(error)})`;
  }
};

const withState = async <T>(client: ECSClient, body: () => Promise<T>): Promise<T> => {
  try {
    return await body();
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    throw new Error(`${text} — ${await serviceState(client)}`);
  }
};

/** Steady: DesiredCount tasks RUNNING, and DescribeServices agrees (running 2, pending 0). */
const waitSteady = (client: ECSClient, seen: Set<string>): Promise<Task[]> =>
  pollUntil(
    `service ${SERVICE} steady at ${DESIRED} RUNNING`,
    async () => {
      const service = (
        await client.send(new DescribeServicesCommand({ cluster: CLUSTER, services: [SERVICE] }))
      ).services?.[0];
      if (service?.runningCount !== DESIRED || service.pendingCount !== 0) return undefined;
      const tasks = await serviceTasks(client);
      for (const t of tasks) seen.add(t.taskArn ?? '');
      return tasks.length === DESIRED && running(tasks).length === DESIRED ? tasks : undefined;
    },
    50,
    TIMEOUT_MS,
  );

/**
 * Waits for the embedded agent's container instance, registers the task definition, creates the
 * service and waits until it runs 2 tasks. `seen` receives every task ARN, for cleanup.
 */
export const berthReplacementStarter = async (
  config: BenchConfig,
  endpoint: string,
  seen: Set<string>,
  killMode: KillMode,
): Promise<BerthReplacementStarter> => {
  const client = ecsClient(config, endpoint);
  let created = false;
  const close = async (): Promise<void> => {
    try {
      if (created) {
        await client.send(new DeleteServiceCommand({ cluster: CLUSTER, service: SERVICE, force: true }));
        await pollUntil(
          `tasks of ${SERVICE} stopped`,
          async () => {
            const tasks = await describeTasks(client, [...seen]);
            return tasks.every((t) => t.lastStatus === 'STOPPED') ? true : undefined;
          },
          100,
          30_000,
        );
      }
    } catch {
      // The server's own shutdown and removeTaskContainers clean up what is left.
    } finally {
      client.destroy();
    }
  };
  try {
    await pollUntil(
      'a container instance in the default cluster',
      async () => {
        const listed = await client
          .send(new ListContainerInstancesCommand({ cluster: CLUSTER }))
          .catch(() => undefined); // The default cluster appears when the embedded agent registers.
        return (listed?.containerInstanceArns?.length ?? 0) > 0 ? true : undefined;
      },
      100,
      TIMEOUT_MS,
    );
    const registered = await client.send(
      new RegisterTaskDefinitionCommand({
        family: SERVICE,
        networkMode: 'bridge',
        containerDefinitions: [
          {
            name: 'web',
            image: config.testImage,
            memory: 32,
            essential: true,
            portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }],
          },
        ],
      }),
    );
    await client.send(
      new CreateServiceCommand({
        cluster: CLUSTER,
        serviceName: SERVICE,
        taskDefinition: registered.taskDefinition?.taskDefinitionArn ?? SERVICE,
        desiredCount: DESIRED,
        launchType: 'EC2',
      }),
    );
    created = true;
    await withState(client, () => waitSteady(client, seen));
  } catch (error) {
    await close();
    throw error;
  }

  const timelines: BerthTimeline[] = [];
  const start = (): Promise<StartSample> =>
    withState(client, async () => {
      const before = running(await serviceTasks(client));
      const victim = before[0];
      const runtimeId = victim?.containers?.[0]?.runtimeId;
      if (!victim?.taskArn || !runtimeId) throw new Error('no RUNNING task with a container to kill');
      const known = new Set(before.map((t) => t.taskArn));
      const kill = await killContainer(runtimeId, killMode);
      const replacement = await pollUntil(
        `replacement of ${victim.taskArn} RUNNING`,
        async () => {
          const now = running(await serviceTasks(client));
          const fresh = now.find((t) => !known.has(t.taskArn));
          return now.length === DESIRED && fresh ? fresh : undefined;
        },
        POLL_MS,
        TIMEOUT_MS,
      );
      const runningMs = performance.now() - kill.began;
      seen.add(replacement.taskArn ?? '');
      const hostPort = replacement.containers?.[0]?.networkBindings?.[0]?.hostPort;
      const answered = hostPort ? await waitForHttp(hostPort, kill.began + TIMEOUT_MS) : false;
      const httpMs = answered ? performance.now() - kill.began : undefined;
      const old = await pollUntil(
        `killed task ${victim.taskArn} STOPPED`,
        async () => {
          const [task] = await describeTasks(client, [victim.taskArn ?? '']);
          return task?.lastStatus === 'STOPPED' ? task : undefined;
        },
        50,
        TIMEOUT_MS,
      );
      const exited = await finishedAt(runtimeId);
      timelines.push({
        exitedMs: exited === undefined ? Number.NaN : exited - kill.wallMs,
        agentStoppedMs: sinceKill(old.executionStoppedAt, kill.wallMs),
        stoppedMs: sinceKill(old.stoppedAt, kill.wallMs),
        createdMs: sinceKill(replacement.createdAt, kill.wallMs),
        pullStartedMs: sinceKill(replacement.pullStartedAt, kill.wallMs),
        startedMs: sinceKill(replacement.startedAt, kill.wallMs),
        observedMs: runningMs,
      });
      await waitSteady(client, seen);
      return { runningMs, httpMs };
    });
  return { system: 'berth service replacement', start, timelines, close };
};
