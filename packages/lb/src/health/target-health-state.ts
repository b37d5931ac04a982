/**
 * The health of one registered target, with ALB's semantics. Pure: no timers, no I/O; the
 * health checker feeds it check outcomes.
 *
 *   register ──▶ initial (Elb.RegistrationInProgress)
 *                  │ first check sent
 *                  ▼
 *                initial (Elb.InitialHealthChecking)
 *                  │ 1 pass                         │ UnhealthyThresholdCount failures
 *                  ▼                                ▼
 *                healthy ◀── HealthyThresholdCount ── unhealthy (ResponseCodeMismatch |
 *                  │          consecutive passes          ▲      Timeout | FailedHealthChecks)
 *                  └── UnhealthyThresholdCount consecutive failures ──┘
 *
 *   draining (Target.DeregistrationInProgress) and unused (Target.NotRegistered |
 *   Target.NotInUse) are set by the caller; check outcomes leave them unchanged.
 */

export type TargetHealthState = 'initial' | 'healthy' | 'unhealthy' | 'draining' | 'unused';

export type TargetHealthReason =
  | 'Elb.RegistrationInProgress'
  | 'Elb.InitialHealthChecking'
  | 'Target.ResponseCodeMismatch'
  | 'Target.Timeout'
  | 'Target.FailedHealthChecks'
  | 'Target.DeregistrationInProgress'
  | 'Target.NotRegistered'
  | 'Target.NotInUse';

export interface TargetHealth {
  readonly state: TargetHealthState;
  /** Absent when healthy, as on AWS. */
  readonly reason?: TargetHealthReason;
  readonly description?: string;
  readonly consecutivePasses: number;
  readonly consecutiveFailures: number;
}

export interface HealthThresholds {
  /** Passes an unhealthy target needs to become healthy again (2–10, default 5). */
  readonly healthyThresholdCount: number;
  /** Failures that make an initial or healthy target unhealthy (2–10, default 2). */
  readonly unhealthyThresholdCount: number;
}

/** What one health check found. */
export type CheckOutcome =
  | { readonly kind: 'pass' }
  | { readonly kind: 'code-mismatch'; readonly statusCode: number }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'connection-error' };

/** The descriptions AWS returns beside each reason (ResponseCodeMismatch's is documented). */
export const reasonDescription = (reason: TargetHealthReason, statusCode?: number): string => {
  switch (reason) {
    case 'Elb.RegistrationInProgress':
      return 'Target registration is in progress';
    case 'Elb.InitialHealthChecking':
      return 'Initial health checks in progress';
    case 'Target.ResponseCodeMismatch':
      return `Health checks failed with these codes: [${statusCode ?? ''}]`;
    case 'Target.Timeout':
      return 'Request timed out';
    case 'Target.FailedHealthChecks':
      return 'Health checks failed';
    case 'Target.DeregistrationInProgress':
      return 'Target deregistration is in progress';
    case 'Target.NotRegistered':
      return 'Target is not registered to the target group';
    case 'Target.NotInUse':
      return 'Target group is not configured to receive traffic from the load balancer';
  }
};

const withReason = (
  state: TargetHealthState,
  reason: TargetHealthReason,
  counts: Pick<TargetHealth, 'consecutivePasses' | 'consecutiveFailures'>,
  statusCode?: number,
): TargetHealth => ({ state, reason, description: reasonDescription(reason, statusCode), ...counts });

const noCounts = { consecutivePasses: 0, consecutiveFailures: 0 } as const;

/** A target that was just registered: no check has been sent yet. */
export const registeredTargetHealth = (): TargetHealth =>
  withReason('initial', 'Elb.RegistrationInProgress', noCounts);

/** The first check has been sent: an initial target is now being checked. */
export const healthChecksStarted = (health: TargetHealth): TargetHealth =>
  health.state === 'initial' && health.reason === 'Elb.RegistrationInProgress'
    ? withReason('initial', 'Elb.InitialHealthChecking', noCounts)
    : health;

/** Deregistration began: the target gets no new requests until the delay ends. */
export const drainingTargetHealth = (): TargetHealth =>
  withReason('draining', 'Target.DeregistrationInProgress', noCounts);

export const unusedTargetHealth = (reason: 'Target.NotRegistered' | 'Target.NotInUse'): TargetHealth =>
  withReason('unused', reason, noCounts);

const failureReason = (
  outcome: Exclude<CheckOutcome, { kind: 'pass' }>,
): { reason: TargetHealthReason; statusCode?: number } => {
  switch (outcome.kind) {
    case 'code-mismatch':
      return { reason: 'Target.ResponseCodeMismatch', statusCode: outcome.statusCode };
    case 'timeout':
      return { reason: 'Target.Timeout' };
    case 'connection-error':
      return { reason: 'Target.FailedHealthChecks' };
  }
};

const healthy = (): TargetHealth => ({ state: 'healthy', consecutivePasses: 0, consecutiveFailures: 0 });

/** The target's health after one more check. */
export const applyCheckOutcome = (
  health: TargetHealth,
  outcome: CheckOutcome,
  thresholds: HealthThresholds,
): TargetHealth => {
  if (health.state === 'draining' || health.state === 'unused') return health;
  if (outcome.kind === 'pass') {
    if (health.state === 'initial' || health.state === 'healthy') return healthy();
    const passes = health.consecutivePasses + 1;
    return passes >= thresholds.healthyThresholdCount
      ? healthy()
      : { ...health, consecutivePasses: passes, consecutiveFailures: 0 };
  }
  const failures = health.consecutiveFailures + 1;
  const counts = { consecutivePasses: 0, consecutiveFailures: failures };
  const { reason, statusCode } = failureReason(outcome);
  if (health.state === 'unhealthy' || failures >= thresholds.unhealthyThresholdCount) {
    return withReason('unhealthy', reason, counts, statusCode);
  }
  return health.state === 'initial'
    ? withReason('initial', 'Elb.InitialHealthChecking', counts)
    : { state: 'healthy', ...counts };
};

/** Whether two healths differ in anything DescribeTargetHealth shows. */
export const sameVisibleHealth = (a: TargetHealth, b: TargetHealth): boolean =>
  a.state === b.state && a.reason === b.reason && a.description === b.description;
