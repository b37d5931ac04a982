import { describe, expect, it } from 'vitest';

import { daemonFailureThreshold, daemonRolloutReasons, stepSize } from './daemon-rollout.js';
import { instance, rollout, snapshot, task } from './daemon.test-support.js';
import { planDaemon } from './plan-daemon.js';

const four = ['i1', 'i2', 'i3', 'i4'].map((arn) => instance(arn));

describe('planDaemon: placement', () => {
  it('launches the deployed revision on every eligible instance at once and starts the deployment', () => {
    const plan = planDaemon(
      snapshot({
        instances: [
          ...four,
          instance('draining', { status: 'DRAINING' }),
          instance('away', { connected: false }),
          instance('other-provider'),
        ],
        scopes: { r2: ['i1', 'i2', 'i3', 'i4', 'draining', 'away'] },
      }),
    );
    expect(plan.launches.map((l) => l.instanceArn)).toEqual(['i1', 'i2', 'i3', 'i4']);
    expect(plan.launches.every((l) => l.revision === 'r2')).toBe(true);
    expect(plan.rollout).toMatchObject({ status: 'IN_PROGRESS', startedAt: 1000 });
    expect(plan.stops).toEqual([]);
  });

  it('completes once every instance runs the revision', () => {
    const plan = planDaemon(
      snapshot({
        instances: four,
        rollout: rollout({ status: 'IN_PROGRESS', startedAt: 900 }),
        tasks: four.map((i) => task(`t-${i.arn}`, i.arn, 'r2')),
      }),
    );
    expect(plan.launches).toEqual([]);
    expect(plan.rollout).toMatchObject({
      status: 'SUCCESSFUL',
      finishedAt: 1000,
      statusReason: daemonRolloutReasons.successful,
    });
  });

  it('completes at once when no instance is in scope', () => {
    expect(planDaemon(snapshot()).rollout.status).toBe('SUCCESSFUL');
  });

  it('waits for a stopping task before launching on its instance', () => {
    const plan = planDaemon(
      snapshot({
        instances: [instance('i1')],
        tasks: [task('old', 'i1', 'r1', { desiredStatus: 'STOPPED', stoppedByScheduler: true })],
      }),
    );
    expect(plan.launches).toEqual([]);
    expect(plan.rollout.status).toBe('IN_PROGRESS');
  });

  it('keeps one task per instance, preferring the deployed revision that runs', () => {
    const plan = planDaemon(
      snapshot({
        instances: [instance('i1')],
        tasks: [
          task('a', 'i1', 'r1', { createdAt: 1 }),
          task('b', 'i1', 'r2', { lastStatus: 'PENDING', createdAt: 2 }),
          task('c', 'i1', 'r2', { createdAt: 3 }),
        ],
      }),
    );
    expect(plan.stops).toEqual([
      { taskArn: 'b', kind: 'duplicate' },
      { taskArn: 'a', kind: 'duplicate' },
    ]);
  });

  it('stops tasks on instances that left the scope or are gone, and on DRAINING ones last', () => {
    const plan = planDaemon(
      snapshot({
        instances: [
          instance('out'),
          instance('gone', { status: 'INACTIVE' }),
          instance('busy', { status: 'DRAINING', otherLiveTasks: 2 }),
          instance('empty', { status: 'DRAINING' }),
        ],
        scopes: { r2: ['gone', 'busy', 'empty'] },
        rollout: rollout({ status: 'SUCCESSFUL' }),
        tasks: [
          task('t-out', 'out', 'r2'),
          task('t-gone', 'gone', 'r2'),
          task('t-lost', 'deregistered', 'r2'),
          task('t-busy', 'busy', 'r2'),
          task('t-empty', 'empty', 'r2'),
        ],
      }),
    );
    expect(plan.stops).toEqual([
      { taskArn: 't-out', kind: 'scope' },
      { taskArn: 't-gone', kind: 'instance-gone' },
      { taskArn: 't-lost', kind: 'instance-gone' },
      { taskArn: 't-empty', kind: 'draining' },
    ]);
  });
});

describe('planDaemon: a daemon task that stops on its own', () => {
  it('drains its ACTIVE instance once, and is not replaced there', () => {
    const stopped = task('t1', 'i1', 'r2', { desiredStatus: 'STOPPED', lastStatus: 'STOPPED' });
    const plan = planDaemon(
      snapshot({ instances: [instance('i1'), instance('i2')], tasks: [stopped, task('t2', 'i2', 'r2')] }),
    );
    expect(plan.drains).toEqual([{ instanceArn: 'i1', taskArn: 't1' }]);
    expect(plan.handledStops).toEqual(['t1']);
    expect(plan.launches).toEqual([]);
    const again = planDaemon(
      snapshot({
        instances: [instance('i1'), instance('i2')],
        tasks: [{ ...stopped, stopHandled: true }, task('t2', 'i2', 'r2')],
      }),
    );
    expect(again.drains).toEqual([]);
    expect(again.launches).toEqual([{ instanceArn: 'i1', revision: 'r2' }]);
  });

  it('never drains for the scheduler’s own stops', () => {
    const plan = planDaemon(
      snapshot({
        instances: [instance('i1')],
        tasks: [task('t1', 'i1', 'r1', { desiredStatus: 'STOPPED', stoppedByScheduler: true })],
      }),
    );
    expect(plan.drains).toEqual([]);
    expect(plan.handledStops).toEqual([]);
  });

  it('trips the circuit breaker: rolls back to the previous revision', () => {
    const plan = planDaemon(
      snapshot({
        instances: [instance('i1'), instance('i2'), instance('i3')],
        rollout: rollout({ status: 'IN_PROGRESS', rollbackRevision: 'r1', threshold: 1, stepInFlight: true }),
        tasks: [
          task('new', 'i1', 'r2', { desiredStatus: 'STOPPED', lastStatus: 'STOPPED' }),
          task('old', 'i2', 'r1'),
          task('new3', 'i3', 'r2'),
        ],
      }),
    );
    expect(plan.rollout).toMatchObject({
      status: 'ROLLBACK_IN_PROGRESS',
      failureCount: 1,
      rollback: { revision: 'r1', startedAt: 1000 },
    });
    expect(plan.drains).toEqual([{ instanceArn: 'i1', taskArn: 'new' }]);
    expect(plan.stops).toEqual([{ taskArn: 'new3', kind: 'rollout' }]);
  });

  it('stops the deployment when there is nothing to roll back to', () => {
    const plan = planDaemon(
      snapshot({
        instances: [instance('i1')],
        rollout: rollout({ status: 'IN_PROGRESS' }),
        tasks: [task('t', 'i1', 'r2', { desiredStatus: 'STOPPED', lastStatus: 'STOPPED' })],
      }),
    );
    expect(plan.rollout).toMatchObject({ status: 'STOPPED', stoppedAt: 1000 });
  });
});

describe('planDaemon: rollout', () => {
  const old = four.map((i) => task(`old-${i.arn}`, i.arn, 'r1'));

  it('replaces drainPercent of the instances per step, then waits for them and the bake time', () => {
    const start = planDaemon(
      snapshot({ instances: four, tasks: old, rollout: rollout({ drainPercent: 50, bakeTimeInMinutes: 5 }) }),
    );
    expect(start.stops).toEqual([
      { taskArn: 'old-i1', kind: 'rollout' },
      { taskArn: 'old-i2', kind: 'rollout' },
    ]);
    expect(start.rollout.stepInFlight).toBe(true);
    const tasks = [
      task('new-i1', 'i1', 'r2'),
      task('new-i2', 'i2', 'r2', { lastStatus: 'PENDING' }),
      ...old.slice(2),
    ];
    const waiting = planDaemon(snapshot({ instances: four, tasks, rollout: start.rollout }));
    expect(waiting.stops).toEqual([]);
    const ran = tasks.map((t) => ({ ...t, lastStatus: 'RUNNING' }));
    const baked = planDaemon(snapshot({ instances: four, tasks: ran, rollout: waiting.rollout, now: 1010 }));
    expect(baked.rollout).toMatchObject({ stepInFlight: false, bakeUntil: 1310 });
    expect(baked.stops).toEqual([]);
    const next = planDaemon(snapshot({ instances: four, tasks: ran, rollout: baked.rollout, now: 1310 }));
    expect(next.stops.map((s) => s.taskArn)).toEqual(['old-i3', 'old-i4']);
  });

  it('is SUCCESSFUL only after the last step’s bake time', () => {
    const done = four.map((i) => task(`new-${i.arn}`, i.arn, 'r2'));
    const last = rollout({ status: 'IN_PROGRESS', stepInFlight: true, bakeTimeInMinutes: 1 });
    const baking = planDaemon(snapshot({ instances: four, tasks: done, rollout: last }));
    expect(baking.rollout.status).toBe('IN_PROGRESS');
    const after = planDaemon(snapshot({ instances: four, tasks: done, rollout: baking.rollout, now: 1060 }));
    expect(after.rollout.status).toBe('SUCCESSFUL');
  });

  it('replaces at least one instance per step', () => {
    const plan = planDaemon(snapshot({ instances: four, tasks: old, rollout: rollout({ drainPercent: 0 }) }));
    expect(plan.stops).toHaveLength(1);
  });
});

describe('planDaemon: deletion', () => {
  it('stops every daemon task and finishes once they stopped', () => {
    const deleting = snapshot({
      deleting: true,
      instances: [instance('i1'), instance('away', { connected: false })],
      rollout: (({ targetRevision: _t, ...rest }) => rest)(rollout()),
      tasks: [task('a', 'i1', 'r2'), task('b', 'away', 'r2')],
    });
    const plan = planDaemon(deleting);
    expect(plan.stops.map((s) => [s.taskArn, s.kind])).toEqual([
      ['a', 'delete'],
      ['b', 'delete'],
    ]);
    expect(plan.finished).toBe(false);
    expect(plan.launches).toEqual([]);
    const stopped = planDaemon({
      ...deleting,
      rollout: plan.rollout,
      tasks: [
        task('a', 'i1', 'r2', { desiredStatus: 'STOPPED', lastStatus: 'STOPPED', stoppedByScheduler: true }),
        task('b', 'away', 'r2', { desiredStatus: 'STOPPED', stoppedByScheduler: true }),
      ],
    });
    expect(stopped.finished).toBe(true);
    expect(stopped.rollout.status).toBe('SUCCESSFUL');
  });
});

describe('daemon rollout math', () => {
  it('sizes steps and thresholds', () => {
    expect([stepSize(10, 25), stepSize(3, 10), stepSize(4, 100)]).toEqual([2, 1, 4]);
    expect([daemonFailureThreshold(0), daemonFailureThreshold(3), daemonFailureThreshold(1000)]).toEqual([
      1, 2, 200,
    ]);
  });
});
