import { describe, expect, it } from 'vitest';

import { reconcileTaskSets, TASK_SET_GONE_REASON } from './reconcile-task-sets.js';
import { TaskSetSim } from './task-set-sim.test-support.js';

/** Runs reconcile and advance until nothing changes (or `steps` run out). */
const settle = (sim: TaskSetSim, steps = 20, tick = 5): void => {
  for (let i = 0; i < steps; i++) {
    sim.reconcile();
    sim.advance(tick);
  }
};

describe('reconcileTaskSets', () => {
  it('keeps each task set at ceil(desired × scale %) and reports STEADY_STATE', () => {
    const sim = new TaskSetSim(5);
    const blue = sim.addTaskSet(100, 'PRIMARY');
    const green = sim.addTaskSet(30);
    const first = sim.reconcile();
    expect(first.launches).toEqual([
      { deploymentId: blue.id, count: 5 },
      { deploymentId: green.id, count: 2 },
    ]);
    expect(first.taskSets.map((s) => s.stabilityStatus)).toEqual(['STABILIZING', 'STABILIZING']);
    settle(sim);
    expect(sim.live(blue.id)).toHaveLength(5);
    expect(sim.live(green.id)).toHaveLength(2);
    const plan = reconcileTaskSets(sim.snapshot());
    expect(plan.launches).toEqual([]);
    expect(plan.stops).toEqual([]);
    expect(plan.taskSets.map((s) => s.stabilityStatus)).toEqual(['STEADY_STATE', 'STEADY_STATE']);
    expect(plan.events).toEqual(['(service web) has reached a steady state.']);
  });

  it('moves stabilityStatusAt only when the status changes', () => {
    const sim = new TaskSetSim(1);
    const set = sim.addTaskSet(100);
    settle(sim, 4);
    const steadyAt = sim.taskSets[0]?.state.stabilityStatusAt;
    expect(sim.taskSets[0]?.state.stabilityStatus).toBe('STEADY_STATE');
    settle(sim, 3);
    expect(sim.taskSets[0]?.state.stabilityStatusAt).toBe(steadyAt);
    sim.desiredCount = 2;
    sim.reconcile();
    expect(sim.taskSets[0]?.state).toMatchObject({
      id: set.id,
      stabilityStatus: 'STABILIZING',
      stabilityStatusAt: sim.now,
    });
  });

  it('scales in PENDING tasks first, then the most crowded zone', () => {
    const sim = new TaskSetSim(4);
    const set = sim.addTaskSet(100);
    settle(sim, 3);
    // crowd zone a: move every task onto zone-a instances
    const zoneA = sim.instances.filter((i) => i.attributes['ecs.availability-zone'] === 'a');
    sim.tasks.forEach((t, i) => (t.instanceArn = zoneA[i % zoneA.length]?.arn ?? ''));
    sim.advance(60); // all healthy
    sim.desiredCount = 6;
    sim.reconcile(); // 2 PENDING
    const pending = sim.live(set.id).filter((t) => t.lastStatus === 'PENDING');
    expect(pending).toHaveLength(2);
    sim.desiredCount = 1;
    const plan = reconcileTaskSets(sim.snapshot());
    expect(plan.stops).toHaveLength(5);
    expect(
      plan.stops
        .slice(0, 2)
        .map((s) => s.taskArn)
        .sort(),
    ).toEqual(pending.map((t) => t.taskArn).sort());
    expect(plan.stops[0]?.reason).toBe(`Scaling activity initiated by (deployment ${set.id})`);
    expect(plan.events).toEqual([
      expect.stringMatching(
        new RegExp(`^\\(service web, taskSet ${set.id}\\) has stopped 3 running tasks: `),
      ),
    ]);
  });

  it('replaces tasks that stop, and throttles a task set whose tasks never start', () => {
    const sim = new TaskSetSim(2, {});
    const set = sim.addTaskSet(100);
    settle(sim, 3);
    const [victim] = sim.live(set.id);
    Object.assign(victim!, {
      lastStatus: 'STOPPED',
      desiredStatus: 'STOPPED',
      stopCode: 'EssentialContainerExited',
      stoppedAt: sim.now,
    });
    expect(sim.reconcile().launches).toEqual([{ deploymentId: set.id, count: 1 }]);

    const bad = new TaskSetSim(1, {});
    const broken = bad.addTaskSet(100);
    bad.behaviours[broken.id] = { failAfter: 2 };
    bad.reconcile();
    bad.advance(3);
    const plan = bad.reconcile();
    expect(plan.launches).toEqual([]);
    expect(plan.taskSets[0]).toMatchObject({ failedLaunches: 1, nextLaunchAt: bad.now + 5 });
    expect(plan.events).toContain('(service web) is unable to consistently start tasks successfully.');
    bad.advance(5);
    expect(bad.reconcile().launches).toEqual([{ deploymentId: broken.id, count: 1 }]);
  });

  it('replaces RUNNING tasks on a DRAINING instance before stopping them', () => {
    const sim = new TaskSetSim(2, {}, 4, 1);
    const set = sim.addTaskSet(100);
    settle(sim, 3);
    for (const task of sim.live(set.id)) task.instanceStatus = 'DRAINING';
    const first = sim.reconcile();
    expect(first.launches).toEqual([{ deploymentId: set.id, count: 2 }]);
    expect(first.stops).toEqual([]);
    expect(first.taskSets[0]?.stabilityStatus).toBe('STABILIZING');
    sim.advance(10); // replacements RUNNING
    const second = sim.reconcile();
    expect(second.stops.map((s) => s.reason)).toEqual([
      'Container instance is draining',
      'Container instance is draining',
    ]);
    expect(second.launches).toEqual([]);
  });

  it('a DRAINING task set stops everything and leaves once its tasks have stopped', () => {
    const sim = new TaskSetSim(3, {}, 4, 5);
    const blue = sim.addTaskSet(100, 'PRIMARY');
    const green = sim.addTaskSet(100);
    settle(sim, 3);
    green.status = 'DRAINING';
    const plan = sim.reconcile();
    expect(plan.stops).toHaveLength(3);
    expect(plan.launches).toEqual([]);
    expect(plan.removed).toEqual([]);
    expect(plan.taskSets.find((s) => s.id === green.id)).toMatchObject({
      status: 'DRAINING',
      stabilityStatus: 'STABILIZING',
    });
    sim.advance(2);
    expect(sim.reconcile().removed).toEqual([]); // still stopping
    sim.advance(5);
    expect(sim.reconcile().removed).toEqual([green.id]);
    expect(sim.taskSets.map((s) => s.id)).toEqual([blue.id]);
    expect(sim.live(blue.id)).toHaveLength(3);
  });

  it('a DRAINING service drains every task set, then is drained', () => {
    const sim = new TaskSetSim(2, {}, 4, 1);
    sim.addTaskSet(100, 'PRIMARY');
    sim.addTaskSet(50);
    settle(sim, 3);
    sim.serviceStatus = 'DRAINING';
    const plan = sim.reconcile();
    expect(plan.stops).toHaveLength(3);
    expect(plan.stops.every((s) => s.reason === 'Service deleted')).toBe(true);
    expect(plan.drained).toBe(false);
    sim.advance(2);
    const last = sim.reconcile();
    expect(last.removed).toHaveLength(2);
    expect(last.drained).toBe(true);
  });

  it('stops live tasks of a task set that is no longer listed', () => {
    const sim = new TaskSetSim(1);
    sim.addTaskSet(100);
    settle(sim, 2);
    sim.taskSets = [];
    const plan = sim.reconcile();
    expect(plan.stops).toEqual([{ taskArn: sim.tasks[0]?.taskArn, reason: TASK_SET_GONE_REASON }]);
  });

  it('is deterministic and leaves its input alone', () => {
    const sim = new TaskSetSim(6);
    sim.addTaskSet(100);
    sim.addTaskSet(40);
    for (let i = 0; i < 8; i++) {
      const snapshot = sim.snapshot();
      const copy = structuredClone(snapshot);
      const plan = reconcileTaskSets(snapshot);
      expect(reconcileTaskSets(copy)).toEqual(plan);
      expect(snapshot).toEqual(copy);
      sim.apply(plan);
      sim.advance(4);
      if (i === 4) sim.desiredCount = 2;
    }
  });
});
