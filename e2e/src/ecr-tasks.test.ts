/**
 * Tasks pull from Berth's registry. The seed's task definition names its image the AWS way
 * (`123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/<repo>:latest`); the image was pushed to
 * Berth with docker and exists nowhere else on the host, and the server runs with ECS's default
 * pull behaviour. A FARGATE task with an execution role runs it, pulled by the agent from the
 * registry (its digest is the pushed one, the pull is recorded). A FARGATE definition without an
 * execution role is refused as ECS refuses it; an image in another account's registry (the same
 * repository name) is refused to the agent, and the task stops with CannotPullContainerError.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startServer, type BerthProcess } from './support/berth-process.js';
import { aws, awsOk } from './support/clients.js';
import { AWSVPC_NETWORK, registerFargate } from './support/fargate.js';
import { waitClusterStopped } from './support/services.js';
import {
  buildImage,
  describeImages,
  DockerClient,
  pushedDigest,
  removeBuiltImages,
  removeImages,
} from './support/registry.js';
import { ensureTestImages } from './support/test-images.js';

const ACCOUNT = '123456789012';
const REGION = 'ap-northeast-2';
const REPOSITORY = 'ecr-pull-app';
const SEED_STYLE_IMAGE = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${REPOSITORY}:latest`;
const EXECUTION_ROLE = `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`;
/** The same repository name in a registry the server's account has no access to. */
const OTHER_ACCOUNT_IMAGE = `999999999999.dkr.ecr.${REGION}.amazonaws.com/${REPOSITORY}:latest`;

let berth: BerthProcess;
let docker: DockerClient;
let pushed = '';
let digest = '';

const runFargate = (family: string): string =>
  awsOk(berth.env, [
    'ecs',
    'run-task',
    '--task-definition',
    family,
    '--launch-type',
    'FARGATE',
    '--network-configuration',
    AWSVPC_NETWORK,
  ]).tasks[0].taskArn;

const describeTask = (taskArn: string): any =>
  awsOk(berth.env, ['ecs', 'describe-tasks', '--tasks', taskArn]).tasks[0];

beforeAll(async () => {
  ensureTestImages();
  berth = await startServer({
    extraArgs: ['--account-id', ACCOUNT, '--image-pull-behavior', 'default'],
  });
  docker = new DockerClient();
  const registry = berth.registry ?? '';
  awsOk(berth.env, ['ecr', 'create-repository', '--repository-name', REPOSITORY, '--region', REGION]);
  docker.login(berth.env, registry, REGION);
  pushed = `${registry}/${REPOSITORY}:latest`;
  buildImage(docker, pushed, 'served from the Berth registry');
  digest = pushedDigest(docker.ok(['push', pushed]));
  // Nothing on the host holds the image now: the agent must pull it from the registry.
  removeImages(pushed, SEED_STYLE_IMAGE);
});

afterAll(async () => {
  if (berth) await waitClusterStopped(berth.env, 'default').catch(() => undefined);
  removeBuiltImages(pushed, SEED_STYLE_IMAGE);
  docker?.dispose();
  await berth?.stop();
});

describe('a FARGATE task whose definition names the seed-style ECR URI', () => {
  it('runs the pushed image, pulled by the agent from the registry', () => {
    registerFargate(
      berth.env,
      'ecr-pull',
      [
        {
          name: 'app',
          image: SEED_STYLE_IMAGE,
          essential: true,
          command: ['sh', '-c', 'cat /marker.txt; sleep 600'],
        },
      ],
      undefined,
      EXECUTION_ROLE,
    );
    const taskArn = runFargate('ecr-pull');
    awsOk(berth.env, ['ecs', 'wait', 'tasks-running', '--tasks', taskArn]);
    const task = describeTask(taskArn);
    expect(task.containers[0].image).toBe(SEED_STYLE_IMAGE);
    expect(task.containers[0].imageDigest).toBe(digest);
    expect(task.pullStartedAt).toBeDefined();
    const [detail] = describeImages(berth.env, REPOSITORY, REGION);
    expect(detail.lastRecordedPullTime).toBeGreaterThanOrEqual(Math.floor(task.pullStartedAt) - 1);
    awsOk(berth.env, ['ecs', 'stop-task', '--task', taskArn]);
    awsOk(berth.env, ['ecs', 'wait', 'tasks-stopped', '--tasks', taskArn]);
  });

  it('a FARGATE definition of an ECR image without an execution role is refused, as ECS does', () => {
    const refused = aws(berth.env, [
      'ecs',
      'register-task-definition',
      '--family',
      'ecr-no-role',
      '--network-mode',
      'awsvpc',
      '--requires-compatibilities',
      'FARGATE',
      '--cpu',
      '256',
      '--memory',
      '512',
      '--container-definitions',
      JSON.stringify([{ name: 'app', image: SEED_STYLE_IMAGE, essential: true }]),
    ]);
    expect(refused.stderr).toContain(
      'ClientException) when calling the RegisterTaskDefinition operation: Fargate requires task definition to have execution role ARN to support ECR images.',
    );
  });

  it('another account’s registry is refused to the agent: CannotPullContainerError, denied', () => {
    registerFargate(
      berth.env,
      'ecr-other-account',
      [{ name: 'app', image: OTHER_ACCOUNT_IMAGE, essential: true, command: ['sleep', '600'] }],
      undefined,
      EXECUTION_ROLE,
    );
    removeImages(pushed, SEED_STYLE_IMAGE);
    const taskArn = runFargate('ecr-other-account');
    awsOk(berth.env, ['ecs', 'wait', 'tasks-stopped', '--tasks', taskArn]);
    const task = describeTask(taskArn);
    expect(task.stopCode).toBe('TaskFailedToStart');
    expect(task.stoppedReason).toMatch(/^CannotPullContainerError: /);
    expect(task.containers[0].reason).toMatch(
      /^CannotPullContainerError: .*does not grant access to the registry of account 999999999999/,
    );
  });
});
