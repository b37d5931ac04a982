import type { ContainerDefinition } from '@berth/wire/ecs';
import { describe, expect, it } from 'vitest';

import { aTask } from '../test-support/task-fixtures.test-support.js';
import { containerSpec, type SpecContext } from './container-spec.js';
import { dockerContainerName } from './docker-names.js';
import { resolveEngineConfig } from './engine-config.js';
import { pauseSpec } from './pause-spec.js';
import { resolveTaskVolumes, volumeSources } from './task-volumes.js';
import { NO_ULIMIT_CEILINGS } from './ulimit-grants.js';

const OWNER = 'arn:aws:ecs:us-east-1:000000000000:container-instance/c/abc';

const contextFor = (task: ReturnType<typeof aTask>, pauseId?: string, address?: string): SpecContext => ({
  task,
  owner: OWNER,
  clusterArn: task.clusterArn,
  config: resolveEngineConfig({}),
  ...(pauseId === undefined ? {} : { pauseId }),
  ...(address === undefined ? {} : { address }),
  volumeSources: volumeSources(resolveTaskVolumes(task)),
  ulimits: NO_ULIMIT_CEILINGS,
});

const specOf = (d: ContainerDefinition, overrides: Parameters<typeof aTask>[1] = {}, address?: string) => {
  const task = aTask([d], overrides);
  return { task, spec: containerSpec(contextFor(task, 'pause-id', address), d, d.image ?? '') };
};

describe('containerSpec', () => {
  it('maps the basics, with our labels winning over dockerLabels', () => {
    const { task, spec } = specOf({
      name: 'web_1',
      image: 'img',
      entryPoint: ['/bin/sh', '-c'],
      command: ['echo hi'],
      environment: [{ name: 'A', value: '1' }],
      workingDirectory: '/w',
      user: 'nobody',
      dockerLabels: { 'dev.berth.managed': 'false', team: 'x' },
    });
    expect(spec.name).toBe(`ecs-enginetest-1-web1-${task.taskArn.split('/').pop()}`);
    expect(spec).toMatchObject({
      entrypoint: ['/bin/sh', '-c'],
      command: ['echo hi'],
      env: ['A=1'],
      workingDir: '/w',
      user: 'nobody',
    });
    expect(spec.labels).toMatchObject({
      team: 'x',
      'dev.berth.managed': 'true',
      'dev.berth.container-instance': OWNER,
      'com.amazonaws.ecs.task-arn': task.taskArn,
      'com.amazonaws.ecs.container-name': 'web_1',
      'com.amazonaws.ecs.task-definition-family': 'enginetest',
      'com.amazonaws.ecs.task-definition-version': '1',
    });
  });

  it('raises CPU shares to 2, takes MiB limits and falls back to the task memory', () => {
    expect(specOf({ name: 'a', cpu: 0, memory: 64, memoryReservation: 32 }).spec).toMatchObject({
      cpuShares: 2,
      memory: 64 * 1024 * 1024,
      memoryReservation: 32 * 1024 * 1024,
    });
    expect(specOf({ name: 'a', cpu: 512 }, { memory: 128 }).spec).toMatchObject({
      cpuShares: 512,
      memory: 128 * 1024 * 1024,
    });
    expect(specOf({ name: 'a', memoryReservation: 16 }, { memory: 128 }).spec.memory).toBeUndefined();
  });

  it('publishes bridge ports on the bridge host IP, dynamic when hostPort is 0 or absent', () => {
    const { spec } = specOf({
      name: 'a',
      portMappings: [
        { containerPort: 80 },
        { containerPort: 53, hostPort: 5353, protocol: 'udp' },
        { containerPort: 81, hostPort: 0 },
      ],
    });
    expect(spec.network).toEqual({ mode: 'bridge' });
    expect(spec.ports).toEqual([
      { containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1' },
      { containerPort: 53, protocol: 'udp', hostIp: '127.0.0.1', hostPort: 5353 },
      { containerPort: 81, protocol: 'tcp', hostIp: '127.0.0.1' },
    ]);
  });

  it('joins the pause container in awsvpc mode, which publishes on the task address', () => {
    const d: ContainerDefinition = {
      name: 'a',
      hostname: 'h',
      dnsServers: ['10.0.0.2'],
      portMappings: [{ containerPort: 80 }],
      systemControls: [
        { namespace: 'net.core.somaxconn', value: '1024' },
        { namespace: 'kernel.msgmax', value: '1' },
      ],
    };
    const { task, spec } = specOf(d, { networkMode: 'awsvpc' }, '127.1.0.7');
    expect(spec).toMatchObject({
      network: { mode: 'container', containerId: 'pause-id' },
      ports: [],
      dns: [],
      sysctls: { 'kernel.msgmax': '1' },
    });
    expect(spec.hostname).toBeUndefined();
    const pause = pauseSpec(contextFor(task, undefined, '127.1.0.7'), 'berth/pause:1.0.0');
    expect(pause).toMatchObject({
      network: { mode: 'bridge' },
      ports: [{ containerPort: 80, protocol: 'tcp', hostIp: '127.1.0.7', hostPort: 80 }],
      dns: ['10.0.0.2'],
      sysctls: { 'net.core.somaxconn': '1024' },
      labels: { 'com.amazonaws.ecs.container-name': '~internal~ecs~pause' },
    });
  });

  it('uses host and none network modes without published ports', () => {
    expect(
      specOf({ name: 'a', hostname: 'h', portMappings: [{ containerPort: 80 }] }, { networkMode: 'host' })
        .spec,
    ).toMatchObject({
      network: { mode: 'host' },
      ports: [],
    });
    expect(specOf({ name: 'a', hostname: 'h' }, { networkMode: 'none' }).spec).toMatchObject({
      network: { mode: 'none' },
      hostname: 'h',
    });
  });

  it('links siblings by Docker name and mounts volumes', () => {
    const defs: ContainerDefinition[] = [
      {
        name: 'app',
        links: ['db:database'],
        volumesFrom: [{ sourceContainer: 'db', readOnly: true }],
        mountPoints: [
          { sourceVolume: 'host', containerPath: '/h', readOnly: true },
          { sourceVolume: 'scratch', containerPath: '/s' },
          { sourceVolume: 'shared', containerPath: '/x' },
        ],
      },
      { name: 'db' },
    ];
    const task = aTask(defs, {
      volumes: [
        { name: 'host', host: { sourcePath: '/srv/data' } },
        { name: 'scratch' },
        {
          name: 'shared',
          dockerVolumeConfiguration: { scope: 'shared', autoprovision: true, driver: 'local' },
        },
      ],
    });
    const spec = containerSpec(contextFor(task), defs[0] ?? {}, 'img');
    expect(spec.links).toEqual([`${dockerContainerName(task, 'db')}:database`]);
    expect(spec.volumesFrom).toEqual([`${dockerContainerName(task, 'db')}:ro`]);
    expect(spec.binds).toEqual([
      '/srv/data:/h:ro',
      `${dockerContainerName(task, 'scratch')}:/s`,
      'shared:/x',
    ]);
  });

  it('creates containers and the pause container under the task cgroup, when there is one', () => {
    const d = { name: 'a', image: 'img' };
    const task = aTask([d], { networkMode: 'awsvpc', cpu: 256 });
    const ctx = { ...contextFor(task, 'pause-id'), cgroupParent: '/berth/t1' };
    expect(containerSpec(ctx, d, 'img').cgroupParent).toBe('/berth/t1');
    expect(pauseSpec(ctx, 'pause').cgroupParent).toBe('/berth/t1');
    expect(containerSpec(contextFor(task), d, 'img')).not.toHaveProperty('cgroupParent');
  });

  it('maps health checks with ECS defaults, and disables the image check without one', () => {
    expect(specOf({ name: 'a' }).spec.healthcheck).toEqual({ test: ['NONE'] });
    expect(specOf({ name: 'a', healthCheck: { command: ['CMD-SHELL', 'true'] } }).spec.healthcheck).toEqual({
      test: ['CMD-SHELL', 'true'],
      intervalNs: 30e9,
      timeoutNs: 5e9,
      retries: 3,
      startPeriodNs: 0,
    });
  });

  it('keeps logs local and maps linux parameters', () => {
    const { spec } = specOf({
      name: 'a',
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': 'g' } },
      linuxParameters: {
        initProcessEnabled: true,
        capabilities: { add: ['NET_ADMIN'], drop: ['MKNOD'] },
        sharedMemorySize: 64,
        tmpfs: [{ containerPath: '/run', size: 16, mountOptions: ['noexec'] }],
        devices: [{ hostPath: '/dev/fuse', permissions: ['read', 'write'] }],
      },
      ulimits: [{ name: 'nofile', softLimit: 1024, hardLimit: 2048 }],
      readonlyRootFilesystem: true,
      privileged: true,
      extraHosts: [{ hostname: 'db', ipAddress: '127.0.0.9' }],
    });
    expect(spec).toMatchObject({
      log: { driver: 'json-file', options: {} },
      init: true,
      capAdd: ['NET_ADMIN'],
      capDrop: ['MKNOD'],
      shmSize: 64 * 1024 * 1024,
      tmpfs: { '/run': 'size=16m,noexec' },
      devices: [{ hostPath: '/dev/fuse', containerPath: '/dev/fuse', permissions: 'rw' }],
      ulimits: [{ name: 'nofile', soft: 1024, hard: 2048 }],
      readonlyRootfs: true,
      privileged: true,
      extraHosts: ['db:127.0.0.9'],
    });
    expect(
      specOf({ name: 'a', logConfiguration: { logDriver: 'json-file', options: { 'max-size': '1m' } } }).spec
        .log,
    ).toEqual({
      driver: 'json-file',
      options: { 'max-size': '1m' },
    });
  });

  it('hands the delivery mode of any driver to Docker (defaultLogDriverMode fills it in)', () => {
    const awslogs = specOf({
      name: 'a',
      logConfiguration: {
        logDriver: 'awslogs',
        options: { 'awslogs-group': 'g', mode: 'non-blocking', 'max-buffer-size': '4m' },
      },
    }).spec.log;
    expect(awslogs).toEqual({
      driver: 'json-file',
      options: { mode: 'non-blocking', 'max-buffer-size': '4m' },
    });
    const blocking = specOf({
      name: 'a',
      logConfiguration: { logDriver: 'json-file', options: { mode: 'blocking' } },
    }).spec.log;
    expect(blocking).toEqual({ driver: 'json-file', options: { mode: 'blocking' } });
  });
});
