import { describe, expect, it } from 'vitest';

import { createTaskState, type TaskState } from '../engine/task-state.js';
import { aTask } from '../test-support/task-fixtures.test-support.js';
import { containerDetails } from './container-details.js';
import { containerMetadata, taskMetadata, type MetadataContext } from './metadata-shapes.js';

const T0 = Date.parse('2026-12-04T04:00:00.000Z');

const runningTask = (networkMode: 'awsvpc' | 'bridge'): TaskState => {
  const state = createTaskState(
    aTask(
      [
        {
          name: 'web',
          image: 'nginx:1.27',
          cpu: 256,
          memory: 512,
          portMappings: [{ containerPort: 80 }],
          healthCheck: { command: ['CMD', 'true'] },
          logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web' } },
        },
        { name: 'sidecar', image: 'busybox', essential: false },
      ],
      { networkMode, cpu: 512, memory: 1024, launchType: 'FARGATE', revision: 7, family: 'shop' },
    ),
  );
  state.reachedRunning = true;
  state.pullStartedAtMs = T0;
  state.pullStoppedAtMs = T0 + 1500;
  state.startedAtMs = T0 + 2000;
  if (networkMode === 'awsvpc') state.address = '127.1.0.9';
  for (const [i, c] of state.containers.entries()) {
    c.known = 'RUNNING';
    c.runtimeId = `id${i}`;
    c.startedAtMs = T0 + 2000;
    if (c.name === 'web') {
      c.health = 'HEALTHY';
      if (networkMode === 'bridge')
        c.bindings = [{ containerPort: 80, hostPort: 32768, protocol: 'tcp', bindIP: '127.0.0.1' }];
    }
  }
  return state;
};

const details = containerDetails({
  Created: '2026-12-04T04:00:01.123456789Z',
  Image: 'sha256:abc',
  State: { FinishedAt: '0001-01-01T00:00:00Z' },
  Config: { Labels: { 'com.amazonaws.ecs.container-name': 'web', bad: 1 } },
  NetworkSettings: { Networks: { bridge: { IPAddress: '172.17.0.5' } } },
});

const ctx = (version: 'v3' | 'v4'): MetadataContext => ({
  version,
  availabilityZone: 'us-east-1a',
  subnetCidr: '127.1.0.0/22',
  details: () => details,
});

describe('task metadata shapes', () => {
  it('v4 container metadata has ECS fields, with Docker details and the awsvpc network', () => {
    const task = runningTask('awsvpc');
    const web = task.containers.find((c) => c.name === 'web');
    if (!web) throw new Error('no web');
    expect(containerMetadata(task, web, ctx('v4'))).toEqual({
      DockerId: web.runtimeId,
      Name: 'web',
      DockerName: `ecs-shop-7-web-${task.desired.taskArn.split('/').at(-1) ?? ''}`,
      Image: 'nginx:1.27',
      ImageID: 'sha256:abc',
      Labels: { 'com.amazonaws.ecs.container-name': 'web' },
      DesiredStatus: 'RUNNING',
      KnownStatus: 'RUNNING',
      Limits: { CPU: 256, Memory: 512 },
      CreatedAt: '2026-12-04T04:00:01.123456789Z',
      StartedAt: '2026-12-04T04:00:02.000Z',
      Type: 'NORMAL',
      LogDriver: 'awslogs',
      LogOptions: { 'awslogs-group': '/ecs/web' },
      Health: { status: 'HEALTHY' },
      Networks: [
        {
          AttachmentIndex: 0,
          NetworkMode: 'awsvpc',
          IPv4Addresses: ['127.1.0.9'],
          IPv4SubnetCIDRBlock: '127.1.0.0/22',
        },
      ],
    });
  });

  it('v4 task metadata: limits in vCPU and MiB, the containers without the pause container', () => {
    const task = runningTask('awsvpc');
    const body = taskMetadata(task, ctx('v4'));
    expect(body).toMatchObject({
      Cluster: task.desired.clusterArn,
      TaskARN: task.desired.taskArn,
      Family: 'shop',
      Revision: '7',
      DesiredStatus: 'RUNNING',
      KnownStatus: 'RUNNING',
      Limits: { CPU: 0.5, Memory: 1024 },
      PullStartedAt: '2026-12-04T04:00:00.000Z',
      PullStoppedAt: '2026-12-04T04:00:01.500Z',
      AvailabilityZone: 'us-east-1a',
      LaunchType: 'FARGATE',
    });
    expect((body.Containers as { Name: string }[]).map((c) => c.Name)).toEqual(['web', 'sidecar']);
  });

  it('v3 leaves out what v4 added; bridge containers show their Docker address and ports', () => {
    const task = runningTask('bridge');
    const body = taskMetadata(task, ctx('v3'));
    expect(body).not.toHaveProperty('LaunchType');
    const [web, sidecar] = body.Containers as Record<string, unknown>[];
    expect(web).not.toHaveProperty('LogDriver');
    expect(web?.Networks).toEqual([{ NetworkMode: 'bridge', IPv4Addresses: ['172.17.0.5'] }]);
    expect(web?.Ports).toEqual([
      { ContainerPort: 80, Protocol: 'tcp', HostPort: 32768, HostIp: '127.0.0.1' },
    ]);
    expect(sidecar).not.toHaveProperty('Health');
    expect(sidecar).not.toHaveProperty('Ports');
    expect(sidecar?.Limits).toEqual({ CPU: 0 });
  });

  it('a task without task-level limits has no Limits; a stopped container shows its exit', () => {
    const task = runningTask('bridge');
    const { cpu: _cpu, memory: _memory, ...unlimited } = task.desired;
    task.desired = unlimited;
    const sidecar = task.containers.find((c) => c.name === 'sidecar');
    if (!sidecar) throw new Error('no sidecar');
    sidecar.known = 'STOPPED';
    sidecar.exitCode = 3;
    const stopped = containerDetails({ State: { FinishedAt: '2026-12-04T04:05:00Z' } });
    const body = taskMetadata(task, { ...ctx('v4'), details: () => stopped });
    expect(body).not.toHaveProperty('Limits');
    const shown = (body.Containers as Record<string, unknown>[])[1];
    expect(shown).toMatchObject({ KnownStatus: 'STOPPED', ExitCode: 3, FinishedAt: '2026-12-04T04:05:00Z' });
  });
});
