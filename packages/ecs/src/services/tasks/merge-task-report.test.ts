import { describe, expect, it } from 'vitest';

import type { TaskReport } from '@berth/wire/agent';

import type { TaskRecord } from '../records.js';

import { mergeTaskReport } from './merge-task-report.js';

const record = (overrides: Partial<TaskRecord['task']> = {}): TaskRecord => ({
  clusterArn: 'arn:aws:ecs:us-east-1:000000000000:cluster/default',
  task: {
    taskArn: 't',
    lastStatus: 'PENDING',
    desiredStatus: 'RUNNING',
    version: 1,
    containers: [
      { name: 'web', lastStatus: 'PENDING', healthStatus: 'UNKNOWN' },
      { name: 'side', lastStatus: 'PENDING', healthStatus: 'UNKNOWN' },
    ],
    ...overrides,
  },
  containerDefinitions: [
    { name: 'web', essential: true },
    { name: 'side', essential: false },
  ],
  reservation: { cpu: 0, memory: 0, ports: [], portsUdp: [] },
  networkMode: 'bridge',
  family: 'f',
  revision: 1,
  taskDefinition: {},
});

const report = (status: TaskReport['status'], extra: Partial<TaskReport> = {}): TaskReport => ({
  cluster: 'c',
  task: 't',
  status,
  containers: [
    { containerName: 'web', status: status, healthStatus: 'HEALTHY' },
    { containerName: 'side', status: 'STOPPED', exitCode: 1, healthStatus: 'UNHEALTHY' },
  ],
  ...extra,
});

describe('mergeTaskReport', () => {
  it('moves a task to RUNNING with startedAt and bumps the version once', () => {
    const merged = mergeTaskReport(record(), report('RUNNING', { startedAt: 100 }), 101);
    expect(merged?.task).toMatchObject({
      lastStatus: 'RUNNING',
      startedAt: 100,
      connectivity: 'CONNECTED',
      version: 2,
    });
    // Health comes from essential containers only.
    expect(merged?.task.healthStatus).toBe('HEALTHY');
    expect(mergeTaskReport(merged!, report('RUNNING', { startedAt: 100 }), 102)).toBeUndefined();
  });

  it('never moves a status backwards', () => {
    const running = mergeTaskReport(record(), report('RUNNING'), 1)!;
    const merged = mergeTaskReport(running, report('PENDING'), 2);
    expect(merged?.task.lastStatus ?? running.task.lastStatus).toBe('RUNNING');
    expect((merged ?? running).task.containers?.[0]?.lastStatus).toBe('RUNNING');
  });

  it('a task that stops on its own is desired STOPPED with the reported stop code', () => {
    const merged = mergeTaskReport(
      record(),
      report('STOPPED', {
        stopCode: 'TaskFailedToStart',
        reason: 'CannotPullContainerError: nope',
        executionStoppedAt: 5,
      }),
      6,
    );
    expect(merged?.task).toMatchObject({
      lastStatus: 'STOPPED',
      desiredStatus: 'STOPPED',
      stopCode: 'TaskFailedToStart',
      stoppedReason: 'CannotPullContainerError: nope',
      stoppedAt: 6,
      stoppingAt: 6,
      executionStoppedAt: 5,
    });
  });

  it('keeps the stop code of a user stop', () => {
    const stopping = record({
      desiredStatus: 'STOPPED',
      stopCode: 'UserInitiated',
      stoppedReason: 'bye',
      stoppingAt: 3,
    });
    const merged = mergeTaskReport(stopping, report('STOPPED', { stopCode: 'EssentialContainerExited' }), 4);
    expect(merged?.task).toMatchObject({
      stopCode: 'UserInitiated',
      stoppedReason: 'bye',
      stoppingAt: 3,
      stoppedAt: 4,
    });
  });

  it('follows the stop path RUNNING → STOPPING → DEPROVISIONING → STOPPED with its timestamps', () => {
    const running = mergeTaskReport(record(), report('RUNNING', { startedAt: 10 }), 10)!;
    const stopping = mergeTaskReport(
      running,
      report('STOPPING', {
        stopCode: 'EssentialContainerExited',
        reason: 'Essential container in task exited',
        stoppingAt: 20,
      }),
      21,
    )!;
    expect(stopping.task).toMatchObject({
      lastStatus: 'STOPPING',
      desiredStatus: 'STOPPED',
      stoppingAt: 20,
      stopCode: 'EssentialContainerExited',
    });
    expect(stopping.task.stoppedAt).toBeUndefined();
    const deprovisioning = mergeTaskReport(
      stopping,
      report('DEPROVISIONING', { executionStoppedAt: 22 }),
      23,
    )!;
    expect(deprovisioning.task).toMatchObject({ lastStatus: 'DEPROVISIONING', executionStoppedAt: 22 });
    const stopped = mergeTaskReport(
      deprovisioning,
      report('STOPPED', { executionStoppedAt: 22, stoppedAt: 24 }),
      25,
    )!;
    expect(stopped.task).toMatchObject({
      lastStatus: 'STOPPED',
      stoppingAt: 20,
      executionStoppedAt: 22,
      stoppedAt: 24,
    });
    expect(stopped.task.version).toBe(5);
  });

  it('gives an awsvpc task the address its agent reports, and moves the ENI through its statuses', () => {
    const awsvpc: TaskRecord = {
      ...record({
        attachments: [
          {
            id: 'eni-1',
            type: 'ElasticNetworkInterface',
            status: 'PRECREATED',
            details: [{ name: 'subnetId', value: 'subnet-a' }],
          },
        ],
      }),
      networkMode: 'awsvpc',
    };
    const pending = mergeTaskReport(awsvpc, report('PENDING', { privateIPv4Address: '127.1.4.7' }), 1)!;
    expect(pending.address).toBe('127.1.4.7');
    expect(pending.task.attachments?.[0]?.details).toContainEqual({
      name: 'privateIPv4Address',
      value: '127.1.4.7',
    });
    expect(pending.task.containers?.[0]?.networkInterfaces).toEqual([
      { attachmentId: 'eni-1', privateIpv4Address: '127.1.4.7' },
    ]);
    const statuses = (['RUNNING', 'DEPROVISIONING', 'STOPPED'] as const).reduce<[TaskRecord, string[]]>(
      ([r, seen], st) => {
        const next = mergeTaskReport(r, report(st, { privateIPv4Address: '127.1.9.9' }), 2)!;
        return [next, [...seen, next.task.attachments?.[0]?.status ?? '']];
      },
      [pending, []],
    );
    expect(statuses[1]).toEqual(['ATTACHED', 'DETACHING', 'DELETED']);
    expect(statuses[0].address).toBe('127.1.4.7');
  });

  it('keeps each notice once, without a new task version', () => {
    const running = mergeTaskReport(record(), report('RUNNING'), 1)!;
    const noticed = mergeTaskReport(running, report('RUNNING', { notices: ['lowered'] }), 2)!;
    expect(noticed.notices).toEqual(['lowered']);
    expect(noticed.task.version).toBe(running.task.version);
    expect(mergeTaskReport(noticed, report('RUNNING', { notices: ['lowered'] }), 3)).toBeUndefined();
  });
});
