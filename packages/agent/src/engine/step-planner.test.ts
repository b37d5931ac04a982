import type { ContainerDefinition } from '@berth/wire/ecs';
import { describe, expect, it } from 'vitest';

import { aTask } from '../test-support/task-fixtures.test-support.js';
import { applyTaskRules } from './apply-outcome.js';
import { resolveEngineConfig } from './engine-config.js';
import { planStep, type Step } from './step-planner.js';
import { buildTaskReport } from './task-report.js';
import { containerNamed, createTaskState, type AgentStatus, type TaskState } from './task-state.js';

const config = resolveEngineConfig({ containerStartTimeoutSeconds: 60 });
const NOW = 1_700_000_000_000;

const stateOf = (
  defs: ContainerDefinition[],
  statuses: Record<string, AgentStatus>,
  networkMode: 'bridge' | 'awsvpc' = 'bridge',
): TaskState => {
  const task = createTaskState(aTask(defs, { networkMode }));
  task.resourcesReady = true;
  for (const c of task.containers) {
    c.known = statuses[c.name] ?? 'NONE';
    if (c.known !== 'NONE' && c.known !== 'PULLED') c.runtimeId = `id-${c.name}`;
    if (c.known === 'RUNNING') c.startedAtMs = NOW - 1_000;
  }
  return task;
};

const moves = (step: Step): string[] =>
  step.kind === 'transitions' ? step.moves.map((m) => `${m.container.name}→${m.to}`) : [step.kind];

const chain: ContainerDefinition[] = [
  { name: 'app', dependsOn: [{ containerName: 'db', condition: 'HEALTHY' }] },
  { name: 'db', healthCheck: { command: ['CMD', 'true'] }, essential: false, startTimeout: 30 },
];

describe('planStep', () => {
  it('pulls everything first, then creates and starts what dependencies allow', () => {
    expect(moves(planStep(stateOf(chain, {}), NOW, config))).toEqual(['app→PULLED', 'db→PULLED']);
    expect(moves(planStep(stateOf(chain, { app: 'PULLED', db: 'PULLED' }), NOW, config))).toEqual([
      'db→CREATED',
    ]);
    expect(moves(planStep(stateOf(chain, { app: 'PULLED', db: 'CREATED' }), NOW, config))).toEqual([
      'db→RUNNING',
    ]);
  });

  it('waits for HEALTHY until the dependency start timeout, then fails', () => {
    const waiting = stateOf(chain, { app: 'PULLED', db: 'RUNNING' });
    expect(planStep(waiting, NOW, config)).toEqual({ kind: 'wait', untilMs: NOW - 1_000 + 30_000 });
    const db = containerNamed(waiting, 'db');
    if (db) db.health = 'HEALTHY';
    expect(moves(planStep(waiting, NOW, config))).toEqual(['app→CREATED']);
    const late = stateOf(chain, { app: 'PULLED', db: 'RUNNING' });
    const step = planStep(late, NOW + 30_000, config);
    expect(step.kind).toBe('fail');
  });

  it('starts the awsvpc pause container before anything else', () => {
    const task = stateOf([{ name: 'web' }], { web: 'PULLED', '~internal~ecs~pause': 'PULLED' }, 'awsvpc');
    expect(moves(planStep(task, NOW, config))).toEqual(['~internal~ecs~pause→CREATED']);
  });

  it('stops in reverse dependency order, the pause container last', () => {
    const task = stateOf(
      [{ name: 'app', dependsOn: [{ containerName: 'db', condition: 'START' }] }, { name: 'db' }],
      { app: 'RUNNING', db: 'RUNNING', '~internal~ecs~pause': 'RUNNING' },
      'awsvpc',
    );
    task.desired = { ...task.desired, desiredStatus: 'STOPPED' };
    expect(moves(planStep(task, NOW, config))).toEqual(['app→STOPPED']);
    const app = containerNamed(task, 'app');
    if (app) app.known = 'STOPPED';
    expect(moves(planStep(task, NOW, config))).toEqual(['db→STOPPED']);
    const db = containerNamed(task, 'db');
    if (db) db.known = 'STOPPED';
    expect(moves(planStep(task, NOW, config))).toEqual(['~internal~ecs~pause→STOPPED']);
    for (const c of task.containers) c.known = 'STOPPED';
    expect(planStep(task, NOW, config)).toEqual({ kind: 'finish-stop' });
  });

  it('cleans up a STOPPED task after the wait, or at once when forgotten', () => {
    const task = stateOf([{ name: 'a' }], { a: 'STOPPED' });
    task.known = 'STOPPED';
    task.stoppedAtMs = NOW;
    expect(planStep(task, NOW, config)).toEqual({ kind: 'wait', untilMs: NOW + 3 * 3600 * 1000 });
    expect(planStep(task, NOW + 3 * 3600 * 1000, config)).toEqual({ kind: 'cleanup' });
    task.forgotten = true;
    expect(planStep(task, NOW, config)).toEqual({ kind: 'cleanup' });
  });
});

describe('task rules and reports', () => {
  it('is RUNNING when containers run, ignoring exited non-essentials and containers awaiting completion', () => {
    const task = stateOf(
      [
        { name: 'app', dependsOn: [{ containerName: 'init', condition: 'SUCCESS' }] },
        { name: 'init', essential: false },
        { name: 'side', essential: false },
      ],
      { app: 'PULLED', init: 'RUNNING', side: 'STOPPED' },
    );
    applyTaskRules(task, NOW);
    expect(buildTaskReport(task, 'cluster')).toMatchObject({ status: 'RUNNING', startedAt: NOW / 1000 });
  });

  it('stops the task when an essential container stops', () => {
    const task = stateOf([{ name: 'a' }, { name: 'b', essential: false }], { a: 'STOPPED', b: 'RUNNING' });
    applyTaskRules(task, NOW);
    expect(task.stop).toEqual({
      stopCode: 'EssentialContainerExited',
      reason: 'Essential container in task exited',
    });
    expect(moves(planStep(task, NOW, config))).toEqual(['b→STOPPED']);
  });

  it('truncates reasons to 1024 characters and hides the pause container', () => {
    const task = stateOf([{ name: 'a' }], { a: 'STOPPED' }, 'awsvpc');
    const a = containerNamed(task, 'a');
    if (a) a.reason = 'x'.repeat(5000);
    const report = buildTaskReport(task, 'cluster');
    expect(report.containers).toHaveLength(1);
    expect(report.containers[0]?.reason).toHaveLength(1024);
  });
});
