/**
 * What code in a task sees at run time. A container with the aws CLI (the host's Python, mounted
 * read-only into an EC2 task) and no keys in its definition calls Berth through the
 * `AWS_ENDPOINT_URL` and container-credentials endpoint the agent gives it: it is the task role's
 * assumed-role session, a call the role's policy allows succeeds and one it does not is
 * AccessDenied. A FARGATE task reads its task metadata (v4, and v3) from inside: ARN, family,
 * revision, containers, limits and network match DescribeTasks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startServer, type BerthProcess } from './support/berth-process.js';
import { awsOk, docker } from './support/clients.js';
import { AWSVPC_NETWORK, registerFargate } from './support/fargate.js';
import { createTaskRole } from './support/iam.js';
import { waitClusterStopped } from './support/services.js';
import { BUSYBOX_IMAGE, ensureTestImages } from './support/test-images.js';
import { waitFor } from './support/wait-for.js';

const ACCOUNT = '000000000000';
const PYTHON_HOME = '/root/.pyenv/versions/3.11.7';
/** The host's Python and the C libraries it links, mounted read-only: the aws CLI in a container. */
const PYTHON_MOUNTS = [
  { name: 'python', sourcePath: PYTHON_HOME, containerPath: PYTHON_HOME },
  { name: 'libs', sourcePath: '/usr/lib/x86_64-linux-gnu', containerPath: '/lib/x86_64-linux-gnu' },
  { name: 'loader', sourcePath: '/usr/lib64', containerPath: '/lib64' },
];
const AWS_CLI = `${PYTHON_HOME}/bin/python3.11 ${PYTHON_HOME}/bin/aws`;

let berth: BerthProcess;

const describeTask = (taskArn: string): any =>
  awsOk(berth.env, ['ecs', 'describe-tasks', '--tasks', taskArn]).tasks[0];

/** GET a path of the container's metadata URI from inside it, with busybox nc (its wget crashes here). */
const metadataOnce = (runtimeId: string, variable: string, path: string): any => {
  const script = [
    `u="\${${variable}#http://}"`,
    'hp="${u%%/*}"',
    // nc half-closes when its input ends, and Node's HTTP server then drops the answer: the input
    // stays open a while (the server closes an HTTP/1.0 connection once it has answered).
    '{ printf "GET /${u#*/}' +
      path +
      ' HTTP/1.0\\r\\nHost: $hp\\r\\n\\r\\n"; sleep 3; } | nc -w 10 "${hp%:*}" "${hp#*:}"',
  ].join('; ');
  const result = docker(['exec', runtimeId, 'sh', '-c', script]);
  expect(result.status, result.stderr).toBe(0);
  const [head = '', body = ''] = result.stdout.split('\r\n\r\n');
  expect(head).toMatch(/^HTTP\/1\.[01] 200/);
  return JSON.parse(body);
};

const metadata = (runtimeId: string, variable: string, path: string): Promise<any> =>
  waitFor(() => metadataOnce(runtimeId, variable, path), `${variable}${path} from inside the task`);

beforeAll(async () => {
  ensureTestImages();
  berth = await startServer();
});

afterAll(async () => {
  if (berth) await waitClusterStopped(berth.env, 'default').catch(() => undefined);
  await berth?.stop();
});

describe('the aws CLI inside a task with a task role and no keys', () => {
  it('is the task role, allowed what its policy allows and nothing else', async () => {
    const role = createTaskRole(berth.env, 'app-task-role', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'ecs:ListClusters', Resource: '*' }],
    });
    const script = [
      `${AWS_CLI} sts get-caller-identity --output text --query Arn`,
      'echo "--"',
      `${AWS_CLI} ecs list-clusters --output text --query "clusterArns[0]"`,
      'echo "--"',
      `${AWS_CLI} ecs create-cluster --cluster-name from-the-task 2>&1; echo "exit=$?"`,
      'echo "--"',
      'env | grep -c "^AWS_ACCESS_KEY_ID=" || true',
      'echo "--"',
      'echo done',
      // Kept running until the test has read its output (a stopped task's container is removed).
      'sleep 600',
    ].join('; ');
    awsOk(berth.env, [
      'ecs',
      'register-task-definition',
      '--family',
      'cli-in-task',
      '--task-role-arn',
      role,
      '--volumes',
      JSON.stringify(PYTHON_MOUNTS.map((m) => ({ name: m.name, host: { sourcePath: m.sourcePath } }))),
      '--container-definitions',
      JSON.stringify([
        {
          name: 'cli',
          image: BUSYBOX_IMAGE,
          memory: 256,
          essential: true,
          command: ['sh', '-c', script],
          mountPoints: PYTHON_MOUNTS.map((m) => ({
            sourceVolume: m.name,
            containerPath: m.containerPath,
            readOnly: true,
          })),
        },
      ]),
    ]);
    const taskArn = awsOk(berth.env, ['ecs', 'run-task', '--task-definition', 'cli-in-task']).tasks[0]
      .taskArn;
    awsOk(berth.env, ['ecs', 'wait', 'tasks-running', '--tasks', taskArn]);
    const task = describeTask(taskArn);
    const output = await waitFor(
      () => {
        const logs = docker(['logs', task.containers[0].runtimeId]);
        const text = `${logs.stdout}${logs.stderr}`;
        return text.includes('--\ndone') ? text : undefined;
      },
      'the aws CLI calls in the task to finish',
      120_000,
      500,
    );
    const [identity = '', clusters = '', create = '', keys = ''] = output.split('--\n');
    const taskId = taskArn.split('/').pop();
    expect(identity.trim()).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/app-task-role/${taskId}`);
    expect(clusters.trim()).toBe(`arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/default`);
    expect(create).toContain('AccessDeniedException');
    expect(create).toContain(
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/app-task-role/${taskId} is not authorized to perform: ecs:CreateCluster`,
    );
    expect(create).toMatch(/exit=[1-9]/);
    expect(keys.trim()).toBe('0');
    awsOk(berth.env, ['ecs', 'stop-task', '--task', taskArn]);
    awsOk(berth.env, ['ecs', 'wait', 'tasks-stopped', '--tasks', taskArn]);
    const names = awsOk(berth.env, ['ecs', 'list-clusters']).clusterArns;
    expect(names).toEqual([`arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/default`]);
  });
});

describe('the task metadata endpoint inside a FARGATE task', () => {
  it('answers /task as DescribeTasks describes the task, and / for the container itself', async () => {
    registerFargate(berth.env, 'metadata-probe', [
      { name: 'probe', image: BUSYBOX_IMAGE, essential: true, command: ['sleep', '600'] },
      { name: 'sidecar', image: BUSYBOX_IMAGE, essential: false, command: ['sleep', '600'] },
    ]);
    const taskArn = awsOk(berth.env, [
      'ecs',
      'run-task',
      '--task-definition',
      'metadata-probe',
      '--launch-type',
      'FARGATE',
      '--network-configuration',
      AWSVPC_NETWORK,
    ]).tasks[0].taskArn;
    awsOk(berth.env, ['ecs', 'wait', 'tasks-running', '--tasks', taskArn]);
    const described = describeTask(taskArn);
    const probe = described.containers.find((c: any) => c.name === 'probe');
    const fromInside = await waitFor(() => {
      const task = metadataOnce(probe.runtimeId, 'ECS_CONTAINER_METADATA_URI_V4', '/task');
      return task.KnownStatus === 'RUNNING' ? task : undefined;
    }, 'metadata /task to say RUNNING');
    expect(fromInside.TaskARN).toBe(taskArn);
    expect(fromInside.Cluster).toBe(described.clusterArn);
    expect(fromInside.Family).toBe('metadata-probe');
    expect(fromInside.Revision).toBe(String(described.taskDefinitionArn.split(':').pop()));
    expect(fromInside.LaunchType).toBe('FARGATE');
    expect(fromInside.Limits).toEqual({ CPU: 0.25, Memory: 512 });
    expect(fromInside.AvailabilityZone).toBe(described.availabilityZone);
    expect(fromInside.Containers.map((c: any) => c.Name).sort()).toEqual(['probe', 'sidecar']);
    for (const c of fromInside.Containers) {
      const match = described.containers.find((d: any) => d.name === c.Name);
      expect(c.DockerId).toBe(match.runtimeId);
      expect(c.ContainerARN).toBe(match.containerArn);
      expect(c.Image).toBe(BUSYBOX_IMAGE);
      expect(c.KnownStatus).toBe('RUNNING');
      const address = described.attachments[0].details.find(
        (d: any) => d.name === 'privateIPv4Address',
      ).value;
      expect(c.Networks[0].NetworkMode).toBe('awsvpc');
      expect(c.Networks[0].IPv4Addresses).toEqual([address]);
    }
    const self = await metadata(probe.runtimeId, 'ECS_CONTAINER_METADATA_URI_V4', '');
    expect(self.Name).toBe('probe');
    expect(self.DockerId).toBe(probe.runtimeId);
    const v3 = await metadata(probe.runtimeId, 'ECS_CONTAINER_METADATA_URI', '/task');
    expect(v3.TaskARN).toBe(taskArn);
    const stats = await metadata(probe.runtimeId, 'ECS_CONTAINER_METADATA_URI_V4', '/task/stats');
    expect(Object.keys(stats).sort()).toEqual(described.containers.map((c: any) => c.runtimeId).sort());
    awsOk(berth.env, ['ecs', 'stop-task', '--task', taskArn]);
    awsOk(berth.env, ['ecs', 'wait', 'tasks-stopped', '--tasks', taskArn]);
  });
});
