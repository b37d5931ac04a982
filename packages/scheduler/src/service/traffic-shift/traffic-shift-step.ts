/**
 * One step of a traffic-shifting deployment (BLUE_GREEN, LINEAR, CANARY) of a REPLICA service
 * behind load balancers: the green revision (the PRIMARY) is scaled up to the full desired count
 * beside the blue one, which keeps serving; once every green task is steady (RUNNING, its targets
 * healthy in the alternate target group) test traffic moves to green, then production traffic by
 * the strategy's steps, then both run for the bake time, then blue is stopped. Each phase's
 * lifecycle hooks run once its work is done (phase-hooks.ts); several phases may pass in one step.
 * Tasks of any third deployment are stopped at once; blue's only once production traffic has
 * settled on green (TRAFFIC_SETTLE_SECONDS after its last move). A rollback the user asked for, or a hook that
 * failed, ends the step with `rollback` (shift-rollback.ts does it). The control plane moves the
 * listener rules' weights to `productionPercent` / `testPercent`. Pure.
 */
import type { LiveTask } from '../classify-tasks.js';
import type { LaunchMode, RollingStep } from '../rolling-step.js';
import { IDLE_STEP } from '../rolling-step.js';
import { serviceReasons } from '../service-reasons.js';
import type { DeploymentState, TaskLaunch, TaskStop } from '../service-types.js';
import { stopRules } from '../take-stops.js';

import { runPhaseHooks } from './phase-hooks.js';
import { nextProductionShift } from './production-traffic.js';
import { LAST_PHASE, phaseAt, SHIFT_PHASES } from './shift-phases.js';
import { TRAFFIC_SETTLE_SECONDS, type TrafficShiftSettings, type TrafficShiftState } from './shift-types.js';

export interface ShiftStepInput {
  readonly now: number;
  readonly live: readonly LiveTask[];
  readonly green: DeploymentState;
  readonly shift: TrafficShiftState;
  readonly blue: DeploymentState;
  /** Every listed deployment (the stop order). */
  readonly deployments: readonly DeploymentState[];
  readonly desired: number;
  readonly launchMode: LaunchMode;
  readonly settings: TrafficShiftSettings;
}

export interface ShiftStep extends RollingStep {
  readonly shift: TrafficShiftState;
  /** The deployment must roll back, for this reason. */
  readonly rollback?: string;
}

const SCALE_UP_PHASE = SHIFT_PHASES.findIndex((p) => p.work === 'scale-up');

interface WorkDone {
  readonly state: TrafficShiftState;
  readonly done: boolean;
}

const doWork = (input: ShiftStepInput, state: TrafficShiftState, green: readonly LiveTask[]): WorkDone => {
  const { now, desired } = input;
  switch (phaseAt(state.phase).work) {
    case 'none':
      return { state, done: true };
    case 'scale-up':
      return { state, done: green.length >= desired && green.every((t) => t.steady) };
    case 'test-traffic':
      return { state: { ...state, testPercent: 100 }, done: true };
    case 'production-traffic': {
      const next = nextProductionShift(input.settings.strategy, state, now);
      const moved = next.moved ? { ...state, productionPercent: next.percent, lastShiftAt: now } : state;
      return { state: moved, done: moved.productionPercent >= 100 };
    }
    case 'bake':
      return { state, done: now >= state.phaseStartedAt + input.settings.bakeSeconds };
    case 'clean-up':
      return { state, done: true };
  }
};

/** Walks the phases as far as their work and hooks allow. */
const advance = (
  input: ShiftStepInput,
  green: readonly LiveTask[],
): { state: TrafficShiftState; rollback?: string } => {
  let state = input.shift;
  for (let walked = 0; walked <= LAST_PHASE; walked++) {
    const work = doWork(input, state, green);
    state = work.state;
    if (!work.done) break;
    const hooks = runPhaseHooks(phaseAt(state.phase).hookStage, state.hooks, input.settings.hooks, input.now);
    state = { ...state, hooks: hooks.hooks };
    if (hooks.verdict.kind === 'rollback') return { state, rollback: hooks.verdict.reason };
    if (hooks.verdict.kind === 'waiting' || state.phase >= LAST_PHASE) break;
    state = { ...state, phase: state.phase + 1, phaseStartedAt: input.now, hooks: [] };
  }
  return { state };
};

export const trafficShiftStep = (input: ShiftStepInput): ShiftStep => {
  const { live, green: deployment, blue, desired } = input;
  if (input.shift.rollbackRequested !== undefined)
    return { ...IDLE_STEP, shift: input.shift, rollback: input.shift.rollbackRequested };
  if (input.launchMode === 'failed') return { ...IDLE_STEP, shift: input.shift };
  const rules = stopRules(deployment.id, input.deployments);
  const green = live.filter((t) => t.task.deploymentId === deployment.id);
  const blueLive = live.filter((t) => t.task.deploymentId === blue.id);
  const advanced = advance(input, green);
  if (advanced.rollback !== undefined)
    return { ...IDLE_STEP, shift: advanced.state, rollback: advanced.rollback };
  const { state } = advanced;
  const scaling = serviceReasons.scaling(deployment.id);

  const stale = live.filter((t) => t.task.deploymentId !== deployment.id && t.task.deploymentId !== blue.id);
  const settled = input.now >= state.lastShiftAt + TRAFFIC_SETTLE_SECONDS;
  const cleanUp = phaseAt(state.phase).work === 'clean-up' && settled ? blueLive : [];
  const excess = [...green].sort(rules.order).slice(0, Math.max(0, green.length - desired));
  const stops: TaskStop[] = [...stale, ...cleanUp, ...excess].map((t) => ({
    taskArn: t.task.taskArn,
    reason: scaling,
  }));

  const wanted = state.phase >= SCALE_UP_PHASE ? Math.max(0, desired - green.length) : 0;
  const start = input.launchMode === 'allowed' ? wanted : 0;
  const launches: TaskLaunch[] = start > 0 ? [{ deploymentId: deployment.id, count: start }] : [];
  return { launches, stops, withheld: wanted - start, stuck: false, protectedHeld: 0, shift: state };
};
