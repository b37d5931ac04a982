import { describe, expect, it } from 'vitest';

import { EMPTY_HISTORY, followDeployments, startDeployment, type ServiceHistory } from './service-history.js';

const start = (history: ServiceHistory, n: number, taskDefinitionArn: string, now: number): ServiceHistory =>
  startDeployment(history, {
    deploymentId: `ecs-svc/${n}`,
    entryId: `entry-${n}`,
    revision: { id: `${n}`, taskDefinitionArn, launchType: 'EC2', createdAt: now },
    now,
  });

describe('service deployment history', () => {
  it('follows a deployment to SUCCESSFUL and stops one that a newer deployment replaced', () => {
    let history = start(EMPTY_HISTORY, 1, 'td:1', 10);
    history = followDeployments(
      history,
      [{ id: 'ecs-svc/1', rolloutState: 'COMPLETED', rolloutStateReason: '', taskDefinitionArn: 'td:1' }],
      20,
    );
    expect(history.deployments[0]).toMatchObject({ status: 'SUCCESSFUL', finishedAt: 20 });
    history = start(history, 2, 'td:2', 30);
    history = start(history, 3, 'td:3', 40);
    expect(history.deployments.map((d) => [d.id, d.status])).toEqual([
      ['entry-3', 'IN_PROGRESS'],
      ['entry-2', 'STOPPED'],
      ['entry-1', 'SUCCESSFUL'],
    ]);
    expect(history.deployments[0]?.sourceRevisionIds).toEqual(['2', '1']);
  });

  it('a traffic-shifting deployment rolled back in place is ROLLBACK_SUCCESSFUL at once', () => {
    let history = start(EMPTY_HISTORY, 1, 'td:1', 10);
    history = followDeployments(
      history,
      [{ id: 'ecs-svc/1', rolloutState: 'COMPLETED', rolloutStateReason: '', taskDefinitionArn: 'td:1' }],
      20,
    );
    history = start(history, 2, 'td:2', 30);
    const blue = {
      id: 'ecs-svc/1',
      rolloutState: 'COMPLETED',
      rolloutStateReason: '',
      taskDefinitionArn: 'td:1',
    };
    const green = {
      id: 'ecs-svc/2',
      rolloutState: 'FAILED',
      rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
      taskDefinitionArn: 'td:2',
      rolledBackTo: 'ecs-svc/1',
    };
    history = followDeployments(history, [blue, green], 40);
    expect(history.deployments[0]).toMatchObject({
      status: 'ROLLBACK_SUCCESSFUL',
      statusReason: 'ECS deployment circuit breaker: tasks failed to start.',
      finishedAt: 40,
      deploymentIds: ['ecs-svc/2', 'ecs-svc/1'],
      rollback: { revisionId: '1', startedAt: 40 },
    });
  });

  it('a circuit-breaker failure with rollback goes ROLLBACK_IN_PROGRESS, then ROLLBACK_SUCCESSFUL', () => {
    let history = start(EMPTY_HISTORY, 1, 'td:1', 10);
    history = followDeployments(
      history,
      [{ id: 'ecs-svc/1', rolloutState: 'COMPLETED', rolloutStateReason: '', taskDefinitionArn: 'td:1' }],
      20,
    );
    history = start(history, 2, 'td:2', 30);
    const failed = {
      id: 'ecs-svc/2',
      rolloutState: 'FAILED',
      rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
      taskDefinitionArn: 'td:2',
    };
    const rollback = {
      id: 'ecs-svc/9',
      rolloutState: 'IN_PROGRESS',
      rolloutStateReason: 'ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/1.',
      taskDefinitionArn: 'td:1',
    };
    history = followDeployments(history, [rollback, failed], 40);
    expect(history.deployments[0]).toMatchObject({
      status: 'ROLLBACK_IN_PROGRESS',
      rollback: {
        reason: 'ECS deployment circuit breaker: tasks failed to start.',
        startedAt: 40,
        revisionId: '1',
      },
    });
    history = followDeployments(history, [{ ...rollback, rolloutState: 'COMPLETED' }], 50);
    expect(history.deployments[0]).toMatchObject({ status: 'ROLLBACK_SUCCESSFUL', finishedAt: 50 });
    expect(followDeployments(history, [], 60)).toBe(history);
  });

  it('a failed deployment already dropped behind its rollback is followed too', () => {
    let history = start(EMPTY_HISTORY, 1, 'td:1', 10);
    history = followDeployments(
      history,
      [{ id: 'ecs-svc/1', rolloutState: 'COMPLETED', rolloutStateReason: '', taskDefinitionArn: 'td:1' }],
      20,
    );
    history = start(history, 2, 'td:2', 30);
    const rollback = {
      id: 'ecs-svc/9',
      rolloutState: 'IN_PROGRESS',
      rolloutStateReason: 'ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/1.',
      taskDefinitionArn: 'td:1',
    };
    history = followDeployments(history, [rollback], 40);
    expect(history.deployments[0]).toMatchObject({
      status: 'ROLLBACK_IN_PROGRESS',
      rollback: { revisionId: '1' },
    });
  });

  it('a failure without rollback is STOPPED', () => {
    const history = followDeployments(
      start(EMPTY_HISTORY, 1, 'td:1', 10),
      [
        {
          id: 'ecs-svc/1',
          rolloutState: 'FAILED',
          rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
          taskDefinitionArn: 'td:1',
        },
      ],
      20,
    );
    expect(history.deployments[0]).toMatchObject({
      status: 'STOPPED',
      statusReason: 'ECS deployment circuit breaker: tasks failed to start.',
    });
  });
});
