/**
 * What DescribeTargetHealth reports for a target. The data plane's health checker is the
 * TargetHealthSource; until it has checked a target, the target is `initial`. Draining and unused
 * targets are decided here, from the records alone.
 */
import type { TargetHealth, TargetHealthReasonEnum, TargetHealthStateEnum } from '@berth/wire/elbv2';

import type { RegisteredTargetRecord } from '../../records/registered-target-record.js';

export interface ObservedHealth {
  readonly state: 'initial' | 'healthy' | 'unhealthy' | 'unavailable';
  readonly reason?: TargetHealthReasonEnum;
  readonly description?: string;
}

/** Implemented by the data plane's health checker: what it last observed of a target. */
export interface TargetHealthSource {
  observed(
    targetGroupArn: string,
    target: { readonly id: string; readonly port: number },
  ): ObservedHealth | undefined;
}

/** No health checker yet: nothing is observed, so every registered target stays `initial`. */
export const UNCHECKED: TargetHealthSource = { observed: () => undefined };

const health = (
  state: TargetHealthStateEnum,
  reason: TargetHealthReasonEnum,
  description: string,
): TargetHealth => ({
  State: state,
  Reason: reason,
  Description: description,
});

/** The health of one target (undefined: not registered) in a group that is or is not in use. */
export const targetHealthOf = (
  target: RegisteredTargetRecord | undefined,
  groupInUse: boolean,
  observed: ObservedHealth | undefined,
): TargetHealth => {
  if (!target)
    return health('unused', 'Target.NotRegistered', 'Target is not registered to the target group');
  if (target.state === 'draining')
    return health('draining', 'Target.DeregistrationInProgress', 'Target deregistration is in progress');
  if (!groupInUse)
    return health(
      'unused',
      'Target.NotInUse',
      'Target group is not configured to receive traffic from the load balancer',
    );
  if (!observed) return health('initial', 'Elb.RegistrationInProgress', 'Target registration is in progress');
  if (observed.state === 'healthy') return { State: 'healthy' };
  return {
    State: observed.state,
    ...(observed.reason !== undefined ? { Reason: observed.reason } : {}),
    ...(observed.description !== undefined ? { Description: observed.description } : {}),
  };
};
