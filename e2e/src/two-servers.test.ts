/**
 * Two `berth server --in-memory` on one host, each running awsvpc services (FARGATE and EC2): every
 * agent owns an address block of its own, so no task of one server ever takes an address of the
 * other's, and every task answers on its own address with its own server's page.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { startServer, type BerthProcess } from './support/berth-process.js';
import { awsOk } from './support/clients.js';
import { serviceTasks, waitClusterStopped } from './support/services.js';
import { AWSVPC_NETWORK } from './support/fargate.js';
import { ensureTestImages } from './support/test-images.js';
import { httpGet, waitFor } from './support/wait-for.js';

let servers: BerthProcess[] = [];

beforeAll(async () => {
  ensureTestImages();
  servers = await Promise.all([startServer(), startServer()]);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

const serve = (name: string, fargate: boolean): string[] => [
  ...(fargate ? ['--requires-compatibilities', 'FARGATE', '--cpu', '256', '--memory', '512'] : []),
  '--network-mode',
  'awsvpc',
  '--container-definitions',
  JSON.stringify([
    {
      name: 'web',
      image: 'berth-test/busybox:latest',
      ...(fargate ? {} : { memory: 32 }),
      portMappings: [{ containerPort: 80 }],
      command: ['sh', '-c', `echo ${name} > /www/index.html; exec /bin/serve`],
    },
  ]),
];

const addressOf = (task: any): string =>
  task.attachments[0].details.find((d: any) => d.name === 'privateIPv4Address').value;

it('runs awsvpc services on both servers without an address clash', async () => {
  const wanted = { fargate: 3, ec2: 2 };
  servers.forEach((s, i) => {
    for (const [kind, count] of Object.entries(wanted)) {
      const family = `server${i}-${kind}`;
      awsOk(s.env, [
        'ecs',
        'register-task-definition',
        '--family',
        family,
        ...serve(family, kind === 'fargate'),
      ]);
      awsOk(s.env, [
        'ecs',
        'create-service',
        '--service-name',
        kind,
        '--task-definition',
        family,
        '--desired-count',
        String(count),
        ...(kind === 'fargate' ? ['--launch-type', 'FARGATE'] : []),
        '--network-configuration',
        AWSVPC_NETWORK,
      ]);
    }
  });
  const running = await waitFor(
    () => {
      const all = servers.flatMap((s, i) =>
        Object.keys(wanted).flatMap((kind) =>
          serviceTasks(s.env, 'default', kind)
            .filter((t) => t.lastStatus === 'RUNNING')
            .map((t) => ({ server: i, kind, task: t })),
        ),
      );
      return all.length === 2 * (wanted.fargate + wanted.ec2) ? all : undefined;
    },
    'every task of both servers RUNNING',
    120_000,
    1000,
  );
  const addresses = running.map((r) => addressOf(r.task));
  expect(new Set(addresses).size).toBe(addresses.length);
  for (const r of running) {
    const page = await httpGet(`http://${addressOf(r.task)}/`);
    expect(page.body.trim()).toBe(`server${r.server}-${r.kind}`);
  }
  // Nothing was ever refused a port or an address.
  for (const s of servers) {
    const stopped: string[] = awsOk(s.env, ['ecs', 'list-tasks', '--desired-status', 'STOPPED']).taskArns;
    const reasons =
      stopped.length === 0
        ? []
        : awsOk(s.env, ['ecs', 'describe-tasks', '--tasks', ...stopped]).tasks.flatMap((t: any) => [
            t.stoppedReason ?? '',
            ...t.containers.map((c: any) => c.reason ?? ''),
          ]);
    expect(reasons.filter((r: string) => /port is already allocated|address/i.test(r))).toEqual([]);
  }
  for (const s of servers) {
    for (const kind of Object.keys(wanted))
      awsOk(s.env, ['ecs', 'delete-service', '--service', kind, '--force']);
  }
  await Promise.all(servers.map((s) => waitClusterStopped(s.env, 'default')));
}, 300_000);
