/**
 * Where a REPLICA service with a traffic-shifting strategy goes each step:
 * - its PRIMARY is IN_PROGRESS and a completed (blue) deployment still serves: the traffic-shift
 *   step (traffic-shift-step.ts), and a rollback when that step asks for one;
 * - no blue revision serves (the service's first deployment, or blue is gone): there is nothing to
 *   shift from, so green takes all traffic and the deployment rolls like a ROLLING one; a rollback
 *   asked for then fails the deployment where it stands;
 * - otherwise (ROLLING, or the PRIMARY finished): the rolling step — but nothing at all while a
 *   deployment just rolled back still has traffic settling back on blue.
 * Pure.
 */
import type { LiveTask } from '../classify-tasks.js';
import { replicaStep } from '../replica-step.js';
import { IDLE_STEP, type RollingStep, type RollingStepInput } from '../rolling-step.js';
import { serviceEvents } from '../service-events.js';
import type { DeploymentState, ServiceSnapshot } from '../service-types.js';

import { LAST_PHASE } from './shift-phases.js';
import { rollBackShift, servingBlue } from './shift-rollback.js';
import { initialShiftState, TRAFFIC_SETTLE_SECONDS, type TrafficShiftState } from './shift-types.js';
import { trafficShiftStep } from './traffic-shift-step.js';

export interface ServiceStep {
  readonly step: RollingStep;
  readonly primary: DeploymentState;
  readonly others: readonly DeploymentState[];
  readonly events: readonly string[];
}

/** Nothing to shift from: green has every phase behind it and all the traffic. */
const shiftDone = (now: number): TrafficShiftState => ({
  ...initialShiftState(now),
  phase: LAST_PHASE,
  productionPercent: 100,
  testPercent: 100,
});

export const replicaServiceStep = (
  snapshot: ServiceSnapshot,
  input: RollingStepInput & {
    readonly live: readonly LiveTask[];
    readonly others: readonly DeploymentState[];
  },
): ServiceStep => {
  const { primary, others } = input;
  const settings = snapshot.service.trafficShift;
  const rolling = (deployment: DeploymentState): ServiceStep => ({
    step: replicaStep({ ...input, primary: deployment }),
    primary: deployment,
    others,
    events: [],
  });
  // A rolled-back green keeps its tasks until traffic has settled back on blue.
  const settling = others.some(
    (d) =>
      d.rolledBackTo !== undefined && snapshot.now < (d.shift?.lastShiftAt ?? 0) + TRAFFIC_SETTLE_SECONDS,
  );
  if (settling) return { step: IDLE_STEP, primary, others, events: [] };
  if (settings === undefined || primary.rolloutState !== 'IN_PROGRESS') return rolling(primary);

  const blue = servingBlue(others, snapshot.tasks);
  if (blue === undefined) {
    if (primary.shift?.rollbackRequested !== undefined) {
      const { rollbackRequested: reason, ...shift } = primary.shift;
      const failed = { ...primary, rolloutState: 'FAILED' as const, rolloutStateReason: reason, shift };
      return { step: IDLE_STEP, primary: failed, others, events: [] };
    }
    const done = primary.shift?.productionPercent === 100 ? primary.shift : shiftDone(snapshot.now);
    return rolling({ ...primary, shift: done });
  }

  const shift = primary.shift ?? initialShiftState(snapshot.now);
  const step = trafficShiftStep({
    now: snapshot.now,
    live: input.live,
    green: primary,
    shift,
    blue,
    deployments: input.deployments,
    desired: input.desired,
    launchMode: input.launchMode,
    settings,
  });
  if (step.rollback === undefined)
    return { step, primary: { ...primary, shift: step.shift }, others, events: [] };
  const back = rollBackShift({ ...primary, shift: step.shift }, blue, others, step.rollback, snapshot.now);
  return {
    step: IDLE_STEP,
    ...back,
    events: [serviceEvents.rollingBack(snapshot.service.serviceName, blue.id)],
  };
};
