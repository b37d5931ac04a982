/**
 * Rolling a traffic-shifting deployment back [G blue-green-deployment-how-it-works: "A rollback
 * operation is initiated when issues are detected"]: the blue revision is still running, so it is
 * not redeployed — blue becomes PRIMARY again, as COMPLETED as it was, and takes all traffic back;
 * green becomes ACTIVE and FAILED (`rolledBackTo` names blue), and the next reconcile stops its
 * tasks as any replaced deployment's, once the traffic has settled (lastShiftAt is the rollback's
 * time). Pure.
 */
import { taskStatusRank } from '@berth/core';

import type { DeploymentState, ServiceTask } from '../service-types.js';

import { initialShiftState } from './shift-types.js';

const RUNNING_RANK = taskStatusRank('RUNNING');

const isLive = (task: ServiceTask): boolean =>
  task.desiredStatus === 'RUNNING' && taskStatusRank(task.lastStatus) <= RUNNING_RANK;

/** The blue revision: the newest other deployment that completed and still has a live task. */
export const servingBlue = (
  others: readonly DeploymentState[],
  tasks: readonly ServiceTask[],
): DeploymentState | undefined =>
  others.find(
    (d) => d.rolloutState === 'COMPLETED' && tasks.some((t) => t.deploymentId === d.id && isLive(t)),
  );

export interface ShiftRolledBack {
  readonly primary: DeploymentState;
  readonly others: readonly DeploymentState[];
}

export const rollBackShift = (
  green: DeploymentState,
  blue: DeploymentState,
  others: readonly DeploymentState[],
  reason: string,
  now: number,
): ShiftRolledBack => {
  const { rollbackRequested: _asked, ...shift } = green.shift ?? initialShiftState(now);
  const failed: DeploymentState = {
    ...green,
    status: 'ACTIVE',
    rolloutState: 'FAILED',
    rolloutStateReason: reason,
    rolledBackTo: blue.id,
    shift: { ...shift, productionPercent: 0, testPercent: 0, lastShiftAt: now },
  };
  return {
    primary: { ...blue, status: 'PRIMARY' },
    others: [failed, ...others.filter((d) => d.id !== blue.id && d.id !== green.id)],
  };
};
