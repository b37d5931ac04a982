/**
 * What a Berth that died leaves behind: a `berth server --in-memory` killed with -9 leaves its
 * tasks' containers running; the next Berth to start on the host says so, and `berth gc` stops and
 * removes exactly those (a running server's containers are never touched). Its HAProxy, though,
 * goes with it: nothing would ever adopt it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { ownersIn, startServer, type BerthProcess } from './support/berth-process.js';
import { awsOk, berthLocal, docker } from './support/clients.js';
import { AWSVPC_NETWORK, registerFargate } from './support/fargate.js';
import { ensureTestImages } from './support/test-images.js';
import { processAlive } from './support/haproxy-of.js';
import { createAlb, createListener, createTargetGroup } from './support/load-balancers.js';
import { waitFor } from './support/wait-for.js';

let survivor: BerthProcess | undefined;

beforeAll(() => ensureTestImages());
afterAll(async () => {
  await survivor?.stop();
});

const containersOf = (owner: string): string[] =>
  docker(['ps', '-a', '-q', '--filter', `label=dev.berth.container-instance=${owner}`])
    .stdout.split('\n')
    .filter(Boolean);

const runWeb = (server: BerthProcess): string[] => {
  registerFargate(server.env, 'left', [
    { name: 'web', image: 'berth-test/busybox:latest', portMappings: [{ containerPort: 80 }] },
  ]);
  const awsvpc = awsOk(server.env, [
    'ecs',
    'run-task',
    '--task-definition',
    'left',
    '--launch-type',
    'FARGATE',
    '--network-configuration',
    AWSVPC_NETWORK,
  ]).tasks[0].taskArn;
  awsOk(server.env, [
    'ecs',
    'register-task-definition',
    '--family',
    'left-bridge',
    '--container-definitions',
    JSON.stringify([
      { name: 'web', image: 'berth-test/busybox:latest', memory: 16, portMappings: [{ containerPort: 80 }] },
    ]),
  ]);
  const bridge = awsOk(server.env, ['ecs', 'run-task', '--task-definition', 'left-bridge']).tasks[0].taskArn;
  awsOk(server.env, ['ecs', 'wait', 'tasks-running', '--tasks', awsvpc, bridge]);
  return [awsvpc, bridge];
};

it('lists what a killed server left when the next one starts, and berth gc removes exactly that', async () => {
  const doomed = await startServer();
  const doomedOwners = ownersIn(doomed.output());
  expect(doomedOwners).toHaveLength(2);
  runWeb(doomed);
  await doomed.kill9();
  // Its containers outlive it (as they would outlive an ECS agent): a pause container, two web ones.
  expect(doomedOwners.flatMap(containersOf)).toHaveLength(3);

  survivor = await startServer();
  const [kept] = runWeb(survivor);
  await waitFor(
    () =>
      /no longer running left containers on this host; `berth gc` removes them/.test(
        survivor?.output() ?? '',
      ),
    'the leftovers reported at start-up',
  );
  for (const owner of doomedOwners) expect(survivor.output()).toContain(owner);

  const ownerArgs = doomedOwners.flatMap((o) => ['--owner', o]);
  const dry = berthLocal(['gc', '--dry-run', ...ownerArgs]);
  expect(dry.status, dry.stderr).toBe(0);
  expect(dry.stdout).toMatch(/^would remove 3 containers and 0 volumes of 2 agents no longer running/);
  expect(doomedOwners.flatMap(containersOf)).toHaveLength(3);

  const gc = berthLocal(['gc', ...ownerArgs]);
  expect(gc.status, gc.stderr).toBe(0);
  expect(gc.stdout).toMatch(/^removed 3 containers/);
  expect(doomedOwners.flatMap(containersOf)).toEqual([]);
  // The running server's task is untouched.
  const task = awsOk(survivor.env, ['ecs', 'describe-tasks', '--tasks', kept ?? '']).tasks[0];
  expect(task.lastStatus).toBe('RUNNING');
}, 240_000);

it('stops the HAProxy of an --in-memory server killed with -9', async () => {
  const doomed = await startServer();
  const alb = createAlb(doomed.env, 'doomed-alb');
  createListener(doomed.env, alb.arn, 8080, createTargetGroup(doomed.env, 'doomed-tg', 'ip', 8080, 0));
  const started = await waitFor(
    () => /started HAProxy \{"pid":(\d+)\}/.exec(doomed.output())?.[1],
    'the server to start HAProxy',
  );
  const pid = Number(started);
  expect(processAlive(pid)).toBe(true);
  await doomed.kill9();
  await waitFor(() => !processAlive(pid) && true, 'HAProxy to stop with its server', 15_000, 100);
}, 60_000);
