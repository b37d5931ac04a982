/**
 * Services across agents and restarts: a DAEMON service follows the instances of its cluster,
 * draining an instance moves REPLICA tasks to the other one, and a server killed with -9 in the
 * middle of a deployment carries on from its stored state without losing or doubling a task.
 */
import { describe, expect, it } from 'vitest';

import { startServer, tempDir, stopAll } from './support/berth-process.js';
import { awsAsync, awsOk, docker } from './support/clients.js';
import { describeService, serviceTasks } from './support/services.js';
import { ensureTestImages } from './support/test-images.js';
import { startTwoZoneCluster } from './support/two-zone-cluster.js';
import { waitFor } from './support/wait-for.js';

const SLEEPER = (tag: string): string =>
  JSON.stringify([
    {
      name: 'app',
      image: 'berth-test/busybox:latest',
      memory: 32,
      command: ['sh', '-c', `trap "exit 0" TERM; echo ${tag}; while :; do sleep 1; done`],
    },
  ]);

describe('DAEMON and draining across two agents', () => {
  it('runs one daemon task per instance, and draining moves replica tasks away', async () => {
    ensureTestImages();
    const cluster = 'fleet';
    const { server, a, b } = await startTwoZoneCluster(cluster);
    try {
      awsOk(server.env, [
        'ecs',
        'register-task-definition',
        '--family',
        'daemon',
        '--container-definitions',
        SLEEPER('daemon'),
      ]);
      awsOk(server.env, [
        'ecs',
        'register-task-definition',
        '--family',
        'replica',
        '--container-definitions',
        SLEEPER('replica'),
      ]);
      awsOk(server.env, [
        'ecs',
        'create-service',
        '--cluster',
        cluster,
        '--service-name',
        'agentd',
        '--task-definition',
        'daemon',
        '--scheduling-strategy',
        'DAEMON',
      ]);
      awsOk(server.env, [
        'ecs',
        'create-service',
        '--cluster',
        cluster,
        '--service-name',
        'app',
        '--task-definition',
        'replica',
        '--desired-count',
        '2',
      ]);
      const stable = await awsAsync(server.env, [
        'ecs',
        'wait',
        'services-stable',
        '--cluster',
        cluster,
        '--services',
        'agentd',
        'app',
      ]);
      expect(stable.status, stable.stderr).toBe(0);
      const daemonHosts = serviceTasks(server.env, cluster, 'agentd')
        .map((t) => t.containerInstanceArn)
        .sort();
      expect(daemonHosts).toEqual([a.instanceArn, b.instanceArn].sort());
      expect(describeService(server.env, cluster, 'agentd')).toMatchObject({
        schedulingStrategy: 'DAEMON',
        desiredCount: 2,
        runningCount: 2,
      });
      // Spread across zones: one replica on each instance.
      expect(
        serviceTasks(server.env, cluster, 'app')
          .map((t) => t.containerInstanceArn)
          .sort(),
      ).toEqual([a.instanceArn, b.instanceArn].sort());

      awsOk(server.env, [
        'ecs',
        'update-container-instances-state',
        '--cluster',
        cluster,
        '--container-instances',
        a.instanceArn,
        '--status',
        'DRAINING',
      ]);
      await waitFor(
        () => {
          const replicas = serviceTasks(server.env, cluster, 'app');
          const daemons = serviceTasks(server.env, cluster, 'agentd');
          return (
            replicas.length === 2 &&
            replicas.every((t) => t.containerInstanceArn === b.instanceArn && t.lastStatus === 'RUNNING') &&
            daemons.length === 1 &&
            daemons[0].containerInstanceArn === b.instanceArn
          );
        },
        'replicas moved to B and the daemon off A',
        180_000,
        1000,
      );
      const onA = awsOk(server.env, [
        'ecs',
        'list-tasks',
        '--cluster',
        cluster,
        '--container-instance',
        a.instanceArn,
      ]).taskArns;
      expect(onA).toEqual([]);
      expect(describeService(server.env, cluster, 'agentd').desiredCount).toBe(1);

      for (const name of ['agentd', 'app'])
        awsOk(server.env, ['ecs', 'delete-service', '--cluster', cluster, '--service', name, '--force']);
      await waitFor(
        () => awsOk(server.env, ['ecs', 'list-tasks', '--cluster', cluster]).taskArns.length === 0,
        'services deleted',
        120_000,
        1000,
      );
      const inactive = await awsAsync(server.env, [
        'ecs',
        'wait',
        'services-inactive',
        '--cluster',
        cluster,
        '--services',
        'agentd',
        'app',
      ]);
      expect(inactive.status, inactive.stderr).toBe(0);
      expect(awsOk(server.env, ['ecs', 'list-services', '--cluster', cluster]).serviceArns).toEqual([]);
    } finally {
      await stopAll(a, b, server);
    }
  }, 480_000);
});

describe('server kill -9 in the middle of a deployment', () => {
  it('completes the deployment after a restart, with no task lost or doubled', async () => {
    ensureTestImages();
    const dataDir = tempDir('berth-e2e-svc-');
    let server = await startServer({ dataDir });
    try {
      awsOk(server.env, [
        'ecs',
        'register-task-definition',
        '--family',
        'roll',
        '--container-definitions',
        SLEEPER('v1'),
      ]);
      awsOk(server.env, [
        'ecs',
        'create-service',
        '--service-name',
        'roll',
        '--task-definition',
        'roll',
        '--desired-count',
        '2',
      ]);
      expect(
        (await awsAsync(server.env, ['ecs', 'wait', 'services-stable', '--services', 'roll'])).status,
      ).toBe(0);
      // Old tasks healthy first (deployment COMPLETED): new ones must then be healthy before old ones stop.
      await waitFor(
        () => describeService(server.env, 'default', 'roll').deployments[0].rolloutState === 'COMPLETED',
        'v1 completed',
        120_000,
        1000,
      );
      const v2 = awsOk(server.env, [
        'ecs',
        'register-task-definition',
        '--family',
        'roll',
        '--container-definitions',
        SLEEPER('v2'),
      ]).taskDefinition.taskDefinitionArn;
      awsOk(server.env, ['ecs', 'update-service', '--service', 'roll', '--task-definition', v2]);
      await waitFor(
        () =>
          serviceTasks(server.env, 'default', 'roll').filter(
            (t) => t.taskDefinitionArn === v2 && t.lastStatus === 'RUNNING',
          ).length === 2,
        'new tasks running beside the old',
        60_000,
        300,
      );
      expect(describeService(server.env, 'default', 'roll').deployments).toHaveLength(2);

      // This run's containers are those of its (embedded) container instance.
      const [instance] = awsOk(server.env, ['ecs', 'list-container-instances']).containerInstanceArns;
      await server.kill9();
      server = await startServer({ dataDir });
      expect(
        (await awsAsync(server.env, ['ecs', 'wait', 'services-stable', '--services', 'roll'])).status,
      ).toBe(0);
      const service = describeService(server.env, 'default', 'roll');
      expect(service.deployments).toHaveLength(1);
      expect(service.deployments[0].taskDefinition).toBe(v2);
      const tasks = serviceTasks(server.env, 'default', 'roll');
      expect(tasks.map((t) => t.taskDefinitionArn)).toEqual([v2, v2]);
      // Exactly the service's two live containers run: nothing lost, nothing doubled, no orphan.
      await waitFor(
        () => {
          const running = docker(['ps', '-q', '--filter', `label=dev.berth.container-instance=${instance}`])
            .stdout.split('\n')
            .filter(Boolean);
          return running.length === 2;
        },
        'exactly two running containers',
        60_000,
        500,
      );
      const ids = tasks.map((t) => t.containers[0].runtimeId).sort();
      const running = docker([
        'ps',
        '-q',
        '--no-trunc',
        '--filter',
        `label=dev.berth.container-instance=${instance}`,
      ])
        .stdout.split('\n')
        .filter(Boolean)
        .sort();
      expect(running).toEqual(ids);
      awsOk(server.env, ['ecs', 'delete-service', '--service', 'roll', '--force']);
      await waitFor(
        () => serviceTasks(server.env, 'default', 'roll').length === 0,
        'service drained',
        120_000,
        1000,
      );
      await waitFor(
        () =>
          docker(['ps', '-q', '--filter', `label=dev.berth.container-instance=${instance}`]).stdout.trim() ===
          '',
        'containers stopped',
        60_000,
        500,
      );
    } finally {
      await server.stop();
    }
  }, 480_000);
});
