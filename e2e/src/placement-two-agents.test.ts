/**
 * Two agents (two `berth agent` processes) in one cluster with distinct attributes: memberOf,
 * spread and binpack place tasks where they should, and a task that fits nowhere comes back in
 * failures[].
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { stopAll, type AgentProcess, type BerthProcess } from './support/berth-process.js';
import { awsOk } from './support/clients.js';
import { SLEEPER_COMMAND } from './support/sleeper.js';
import { ensureTestImages } from './support/test-images.js';
import { startTwoZoneCluster } from './support/two-zone-cluster.js';
import { waitFor } from './support/wait-for.js';

const CLUSTER = 'placement';
let server: BerthProcess;
let agentA: AgentProcess;
let agentB: AgentProcess;
const launched: string[] = [];

const run = (args: string[]): any => {
  const out = awsOk(server.env, [
    'ecs',
    'run-task',
    '--cluster',
    CLUSTER,
    '--task-definition',
    'sleeper',
    ...args,
  ]);
  launched.push(...out.tasks.map((t: any) => t.taskArn));
  return out;
};

beforeAll(async () => {
  ensureTestImages();
  const common = ['--cpu', '2048', '--memory', '2048'];
  ({
    server,
    a: agentA,
    b: agentB,
  } = await startTwoZoneCluster(CLUSTER, {
    a: [...common, '--attribute', 'tier=web'],
    b: [...common, '--attribute', 'tier=db'],
  }));
  awsOk(server.env, [
    'ecs',
    'register-task-definition',
    '--family',
    'sleeper',
    '--container-definitions',
    JSON.stringify([
      {
        name: 'app',
        image: 'berth-test/busybox:latest',
        memory: 256,
        cpu: 256,
        command: SLEEPER_COMMAND,
      },
    ]),
  ]);
});

afterAll(async () => {
  for (const arn of launched) awsOk(server.env, ['ecs', 'stop-task', '--cluster', CLUSTER, '--task', arn]);
  if (launched.length > 0)
    awsOk(server.env, [
      'ecs',
      'wait',
      'tasks-stopped',
      '--cluster',
      CLUSTER,
      '--tasks',
      ...launched.slice(0, 100),
    ]);
  await stopAll(agentA, agentB, server);
});

const instancesOf = (out: any): string[] => out.tasks.map((t: any) => t.containerInstanceArn);

describe('placement across two agents', () => {
  it('registers both instances with their attributes and real resources', () => {
    const list = awsOk(server.env, ['ecs', 'list-container-instances', '--cluster', CLUSTER]);
    expect(list.containerInstanceArns.sort()).toEqual([agentA.instanceArn, agentB.instanceArn].sort());
    const db = awsOk(server.env, [
      'ecs',
      'list-container-instances',
      '--cluster',
      CLUSTER,
      '--filter',
      'attribute:tier == db',
    ]);
    expect(db.containerInstanceArns).toEqual([agentB.instanceArn]);
    const described = awsOk(server.env, [
      'ecs',
      'describe-container-instances',
      '--cluster',
      CLUSTER,
      '--container-instances',
      agentA.instanceArn,
    ]);
    const instance = described.containerInstances[0];
    expect(instance.agentConnected).toBe(true);
    expect(instance.status).toBe('ACTIVE');
    expect(instance.registeredResources.find((r: any) => r.name === 'MEMORY').integerValue).toBe(2048);
    expect(instance.attributes).toEqual(
      expect.arrayContaining([
        { name: 'tier', value: 'web' },
        { name: 'ecs.availability-zone', value: 'us-east-1a' },
      ]),
    );
  });

  it('memberOf places only on matching instances', () => {
    const out = run([
      '--count',
      '2',
      '--placement-constraints',
      'type=memberOf,expression=attribute:tier==db',
    ]);
    expect(out.failures).toEqual([]);
    expect(instancesOf(out)).toEqual([agentB.instanceArn, agentB.instanceArn]);
  });

  it('spread by availability zone balances the zones', () => {
    const out = run([
      '--count',
      '4',
      '--placement-strategy',
      'type=spread,field=attribute:ecs.availability-zone',
    ]);
    // B already runs 2 tasks of the group (memberOf above): spread evens the zones out at 3 and 3.
    const counts = instancesOf(out).reduce<Record<string, number>>(
      (acc, arn) => ({ ...acc, [arn]: (acc[arn] ?? 0) + 1 }),
      {},
    );
    expect(counts).toEqual({ [agentA.instanceArn]: 3, [agentB.instanceArn]: 1 });
  });

  it('binpack by memory fills the fullest instance first', () => {
    // Fill A further first, so it has the least memory left: binpack then keeps choosing A.
    const first = run(['--placement-constraints', 'type=memberOf,expression=attribute:tier==web']);
    expect(instancesOf(first)).toEqual([agentA.instanceArn]);
    const out = run(['--count', '2', '--placement-strategy', 'type=binpack,field=memory']);
    expect(instancesOf(out)).toEqual([agentA.instanceArn, agentA.instanceArn]);
  });

  it('reports a task that fits nowhere in failures[] with RESOURCE:MEMORY', () => {
    const out = awsOk(server.env, [
      'ecs',
      'run-task',
      '--cluster',
      CLUSTER,
      '--task-definition',
      'sleeper',
      '--overrides',
      JSON.stringify({ containerOverrides: [{ name: 'app', memory: 4096 }] }),
    ]);
    expect(out.tasks).toEqual([]);
    expect(out.failures).toEqual(
      expect.arrayContaining([
        { arn: agentA.instanceArn, reason: 'RESOURCE:MEMORY' },
        { arn: agentB.instanceArn, reason: 'RESOURCE:MEMORY' },
      ]),
    );
  });

  it('runs what it placed: every launched task reaches RUNNING on its instance', async () => {
    awsOk(server.env, ['ecs', 'wait', 'tasks-running', '--cluster', CLUSTER, '--tasks', ...launched]);
    const instances = awsOk(server.env, [
      'ecs',
      'describe-container-instances',
      '--cluster',
      CLUSTER,
      '--container-instances',
      agentA.instanceArn,
      agentB.instanceArn,
    ]);
    const byArn = Object.fromEntries(
      instances.containerInstances.map((i: any) => [i.containerInstanceArn, i]),
    );
    expect(byArn[agentA.instanceArn].runningTasksCount).toBe(6);
    expect(byArn[agentB.instanceArn].runningTasksCount).toBe(3);
    const remaining = byArn[agentA.instanceArn].remainingResources.find(
      (r: any) => r.name === 'MEMORY',
    ).integerValue;
    expect(remaining).toBe(2048 - 6 * 256);
    await waitFor(
      () =>
        awsOk(server.env, ['ecs', 'describe-clusters', '--clusters', CLUSTER]).clusters[0]
          .runningTasksCount === 9,
      'cluster running count',
    );
  });
});
