/**
 * PURE. Target tracking's capacity math for one metric reading.
 * - Scale out is proportional: ceil(current × metric / target).
 * - Scale in is conservative: the same proportion, rounded up, and never more than 10 % of the
 *   current capacity (at least one task) in one decision, so capacity falls gradually.
 * - DisableScaleIn: the policy never proposes less than the current capacity.
 * - Zero current capacity gives no proportion to scale from: one task when the metric is above the
 *   target, none otherwise.
 */
export interface TargetTrackingInput {
  readonly current: number;
  readonly metric: number;
  readonly target: number;
  readonly disableScaleIn: boolean;
}

export const targetTrackingCapacity = ({
  current,
  metric,
  target,
  disableScaleIn,
}: TargetTrackingInput): number => {
  if (!(target > 0) || !Number.isFinite(metric)) return current;
  if (current === 0) return metric > target ? 1 : 0;
  const proportional = Math.ceil((current * metric) / target - 1e-9);
  if (proportional >= current) return proportional;
  if (disableScaleIn) return current;
  const largestStepIn = Math.max(1, Math.floor(current * 0.1));
  return Math.max(proportional, current - largestStepIn);
};
