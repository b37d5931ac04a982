/**
 * A lost agent: when an instance's agent stops heartbeating (killed with -9), the instance shows
 * `agentConnected: false`, receives no placements, and after the timeout its service tasks are
 * rescheduled on the instance that is still there.
 */
import { expect, it } from 'vitest';

import { stopAll } from './support/berth-process.js';
import { awsAsync, awsOk, docker } from './support/clients.js';
import { serviceTasks } from './support/services.js';
import { SLEEPER_COMMAND } from './support/sleeper.js';
import { ensureTestImages } from './support/test-images.js';
import { startTwoZoneCluster } from './support/two-zone-cluster.js';
import { waitFor } from './support/wait-for.js';

it('reschedules the service tasks of an instance whose agent is lost', async () => {
  ensureTestImages();
  const cluster = 'lossy';
  const { server, a, b } = await startTwoZoneCluster(cluster);
  try {
    awsOk(server.env, [
      'ecs',
      'register-task-definition',
      '--family',
      'lossy',
      '--container-definitions',
      JSON.stringify([
        {
          name: 'app',
          image: 'berth-test/busybox:latest',
          memory: 32,
          command: SLEEPER_COMMAND,
        },
      ]),
    ]);
    awsOk(server.env, [
      'ecs',
      'create-service',
      '--cluster',
      cluster,
      '--service-name',
      'app',
      '--task-definition',
      'lossy',
      '--desired-count',
      '2',
    ]);
    expect(
      (
        await awsAsync(server.env, [
          'ecs',
          'wait',
          'services-stable',
          '--cluster',
          cluster,
          '--services',
          'app',
        ])
      ).status,
    ).toBe(0);
    const onA = serviceTasks(server.env, cluster, 'app').find(
      (t) => t.containerInstanceArn === a.instanceArn,
    );
    expect(onA).toBeDefined();

    await a.kill9();
    await waitFor(
      () =>
        awsOk(server.env, [
          'ecs',
          'describe-container-instances',
          '--cluster',
          cluster,
          '--container-instances',
          a.instanceArn,
        ]).containerInstances[0].agentConnected === false,
      'agentConnected false',
      150_000,
      2000,
    );
    // No placements on the lost instance: it is refused for its agent, before its attributes.
    const run = awsOk(server.env, [
      'ecs',
      'run-task',
      '--cluster',
      cluster,
      '--task-definition',
      'lossy',
      '--placement-constraints',
      'type=memberOf,expression=attribute:ecs.availability-zone == us-east-1a',
    ]);
    expect(run.failures).toEqual(expect.arrayContaining([{ arn: a.instanceArn, reason: 'AGENT' }]));
    expect(run.tasks).toEqual([]);
    await waitFor(
      () => {
        const tasks = serviceTasks(server.env, cluster, 'app');
        return (
          tasks.length === 2 &&
          tasks.every((t) => t.containerInstanceArn === b.instanceArn && t.lastStatus === 'RUNNING')
        );
      },
      'both service tasks running on B',
      150_000,
      2000,
    );
    const old = awsOk(server.env, ['ecs', 'describe-tasks', '--cluster', cluster, '--tasks', onA.taskArn])
      .tasks[0];
    expect(old).toMatchObject({ desiredStatus: 'STOPPED', stopCode: 'ServiceSchedulerInitiated' });
    awsOk(server.env, ['ecs', 'delete-service', '--cluster', cluster, '--service', 'app', '--force']);
    await waitFor(
      () =>
        serviceTasks(server.env, cluster, 'app').filter((t) => t.containerInstanceArn === b.instanceArn)
          .length === 0 &&
        serviceTasks(server.env, cluster, 'app', 'STOPPED')
          .filter((t) => t.containerInstanceArn === b.instanceArn)
          .every((t) => t.lastStatus === 'STOPPED'),
      'B drained: every task there STOPPED',
      120_000,
      1000,
    );
  } finally {
    try {
      await stopAll(b, server);
    } finally {
      // A's container outlived its agent (as on ECS); remove what this test left.
      const ids = docker(['ps', '-aq', '--filter', `label=dev.berth.container-instance=${a.instanceArn}`])
        .stdout.split('\n')
        .filter(Boolean);
      if (ids.length > 0) docker(['rm', '-f', ...ids]);
    }
  }
}, 480_000);
