/**
 * PURE. Step scaling: which step adjustment a metric reading falls in, and the capacity it asks for.
 * Bounds are relative to the alarm's threshold. Above the threshold a step's lower bound is
 * inclusive and its upper bound exclusive; below it, the lower bound is exclusive and the upper
 * inclusive. An absent lower bound is −∞, an absent upper bound +∞.
 */
export type AdjustmentKind = 'ChangeInCapacity' | 'PercentChangeInCapacity' | 'ExactCapacity';

export interface StepBounds {
  readonly MetricIntervalLowerBound?: number;
  readonly MetricIntervalUpperBound?: number;
  readonly ScalingAdjustment: number;
}

const contains = (step: StepBounds, difference: number): boolean => {
  const lower = step.MetricIntervalLowerBound ?? -Infinity;
  const upper = step.MetricIntervalUpperBound ?? Infinity;
  return difference >= 0
    ? difference >= lower && difference < upper
    : difference > lower && difference <= upper;
};

/** The step whose interval holds `metric − threshold`, if any. */
export const selectStepAdjustment = <S extends StepBounds>(
  steps: readonly S[],
  metric: number,
  threshold: number,
): S | undefined => steps.find((step) => contains(step, metric - threshold));

/**
 * A percent change rounds as Application Auto Scaling does: above 1 down, between 0 and 1 up to 1,
 * between −1 and 0 down to −1, below −1 up (toward zero); MinAdjustmentMagnitude then floors its size.
 */
export const percentChange = (current: number, percent: number, minMagnitude: number | undefined): number => {
  const raw = (current * percent) / 100;
  let change = raw === 0 ? 0 : Math.abs(raw) < 1 ? Math.sign(raw) : Math.trunc(raw);
  if (minMagnitude !== undefined && change !== 0 && Math.abs(change) < minMagnitude) {
    change = Math.sign(change) * minMagnitude;
  }
  return change;
};

export interface StepCapacityInput {
  readonly current: number;
  readonly adjustmentType: AdjustmentKind;
  readonly scalingAdjustment: number;
  readonly minAdjustmentMagnitude?: number;
}

/** The (unclamped) capacity a step asks for. */
export const stepCapacity = ({
  current,
  adjustmentType,
  scalingAdjustment,
  minAdjustmentMagnitude,
}: StepCapacityInput): number => {
  switch (adjustmentType) {
    case 'ExactCapacity':
      return scalingAdjustment;
    case 'ChangeInCapacity':
      return current + scalingAdjustment;
    case 'PercentChangeInCapacity':
      return current + percentChange(current, scalingAdjustment, minAdjustmentMagnitude);
  }
};
