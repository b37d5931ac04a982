import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { toWireResources } from '@berth/core';

import type { RunningControlPlane } from '../../test-support/unit.test-support.js';
import { apiErrorOf, UNIT_PARTITION, startUnitControlPlane } from '../../test-support/unit.test-support.js';

const partition = UNIT_PARTITION;
let plane: RunningControlPlane;
let taskArn = '';
let attachmentArn = '';

beforeEach(async () => {
  plane = await startUnitControlPlane();
  const { clusters, containerInstances, taskDefinitions, tasks } = plane.services;
  clusters.create(partition, { clusterName: 'c' });
  taskDefinitions.register(
    partition,
    { family: 'eni', networkMode: 'awsvpc', containerDefinitions: [{ name: 'web', image: 'x', memory: 64 }] },
    'unit',
  );
  containerInstances.register(partition, {
    cluster: 'c',
    totalResources: toWireResources({ cpu: 1024, memory: 1024, ports: [], portsUdp: [] }),
    attributes: taskDefinitions.describe(partition, 'eni', []).taskDefinition.requiresAttributes ?? [],
  });
  const task = tasks.run(partition, {
    cluster: 'c',
    taskDefinition: 'eni',
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a'] } },
  }).tasks[0];
  taskArn = task?.taskArn ?? '';
  attachmentArn = `arn:aws:ecs:us-east-1:000000000000:attachment/${task?.attachments?.[0]?.id ?? ''}`;
});

afterEach(async () => {
  await plane.close();
});

describe('SubmitAttachmentStateChanges', () => {
  it('records the status on the task’s attachment and acknowledges', () => {
    const { attachmentStates } = plane.services;
    expect(
      attachmentStates.submit(partition, {
        cluster: 'c',
        attachments: [{ attachmentArn, status: 'ATTACHED' }],
      }),
    ).toEqual({
      acknowledgment: 'ACK',
    });
    const task = plane.store.get<{ task: { attachments?: { status?: string }[] } }>('task', taskArn);
    expect(task?.task.attachments?.[0]?.status).toBe('ATTACHED');
  });

  it('answers a bad request with ECS errors and changes nothing', () => {
    const { attachmentStates } = plane.services;
    const unknown = 'arn:aws:ecs:us-east-1:000000000000:attachment/0000';
    expect(
      apiErrorOf(() =>
        attachmentStates.submit(partition, {
          cluster: 'nope',
          attachments: [{ attachmentArn, status: 'ATTACHED' }],
        }),
      ),
    ).toBe('ClusterNotFoundException: Cluster not found.');
    expect(apiErrorOf(() => attachmentStates.submit(partition, { cluster: 'c', attachments: [] }))).toBe(
      'InvalidParameterException: attachments can not be empty.',
    );
    expect(
      apiErrorOf(() =>
        attachmentStates.submit(partition, {
          cluster: 'c',
          attachments: [
            { attachmentArn, status: 'DETACHED' },
            { attachmentArn: unknown, status: 'ATTACHED' },
          ],
        }),
      ),
    ).toBe(`InvalidParameterException: The attachment ${unknown} was not found.`);
    expect(
      apiErrorOf(() =>
        attachmentStates.submit(partition, {
          cluster: 'c',
          attachments: [{ attachmentArn, status: 'GONE' }],
        }),
      ),
    ).toBe('InvalidParameterException: Invalid attachment status: GONE.');
    expect(
      apiErrorOf(() =>
        attachmentStates.submit(partition, {
          cluster: 'c',
          attachments: [{ attachmentArn: 'x', status: 'ATTACHED' }],
        }),
      ),
    ).toBe('InvalidParameterException: Invalid attachmentArn: x.');
    const task = plane.store.get<{ task: { attachments?: { status?: string }[] } }>('task', taskArn);
    expect(task?.task.attachments?.[0]?.status).toBe('PRECREATED');
  });
});
