/**
 * StepScalingPolicyConfiguration's rules: an AdjustmentType; at least one step; steps that neither
 * overlap nor leave gaps, with at most one open lower and one open upper bound;
 * MinAdjustmentMagnitude only with PercentChangeInCapacity; Cooldown (default 300 s) and
 * MetricAggregationType (default Average) stored as given.
 */
import type { StepAdjustment, StepScalingPolicyConfiguration } from '@berth/wire/application-autoscaling';

import { validation } from './autoscaling-errors.js';

const ADJUSTMENT_TYPES = ['ChangeInCapacity', 'PercentChangeInCapacity', 'ExactCapacity'];
const AGGREGATIONS = ['Average', 'Minimum', 'Maximum'];

const checkSteps = (steps: readonly StepAdjustment[]): void => {
  if (steps.length === 0) throw validation('StepAdjustments must contain at least one step adjustment.');
  for (const step of steps) {
    if (typeof step.ScalingAdjustment !== 'number' || !Number.isInteger(step.ScalingAdjustment)) {
      throw validation('ScalingAdjustment must be an integer.');
    }
    const { MetricIntervalLowerBound: lower, MetricIntervalUpperBound: upper } = step;
    if (lower !== undefined && upper !== undefined && lower >= upper) {
      throw validation('MetricIntervalLowerBound must be less than MetricIntervalUpperBound.');
    }
  }
  const sorted = [...steps].sort(
    (a, b) => (a.MetricIntervalLowerBound ?? -Infinity) - (b.MetricIntervalLowerBound ?? -Infinity),
  );
  if (sorted.filter((s) => s.MetricIntervalLowerBound === undefined).length > 1) {
    throw validation('Only one step adjustment may have an unbounded lower bound.');
  }
  if (sorted.filter((s) => s.MetricIntervalUpperBound === undefined).length > 1) {
    throw validation('Only one step adjustment may have an unbounded upper bound.');
  }
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]?.MetricIntervalUpperBound ?? Infinity;
    const next = sorted[i]?.MetricIntervalLowerBound ?? -Infinity;
    if (previous > next) throw validation('Step adjustments must not overlap.');
    if (previous < next) throw validation('Step adjustments must not have gaps between them.');
  }
};

export const checkStepScaling = (
  config: StepScalingPolicyConfiguration | undefined,
): StepScalingPolicyConfiguration => {
  if (!config)
    throw validation('StepScalingPolicyConfiguration is required for a policy of type StepScaling.');
  if (!config.AdjustmentType || !ADJUSTMENT_TYPES.includes(config.AdjustmentType)) {
    throw validation(
      'AdjustmentType is required for a step scaling policy: ChangeInCapacity, PercentChangeInCapacity or ExactCapacity.',
    );
  }
  if (config.MinAdjustmentMagnitude !== undefined) {
    if (config.AdjustmentType !== 'PercentChangeInCapacity') {
      throw validation(
        'MinAdjustmentMagnitude may only be specified when AdjustmentType is PercentChangeInCapacity.',
      );
    }
    if (!Number.isInteger(config.MinAdjustmentMagnitude) || config.MinAdjustmentMagnitude < 1) {
      throw validation('MinAdjustmentMagnitude must be a positive integer.');
    }
  }
  if (config.MetricAggregationType !== undefined && !AGGREGATIONS.includes(config.MetricAggregationType)) {
    throw validation('MetricAggregationType must be Average, Minimum or Maximum.');
  }
  if (config.Cooldown !== undefined && (!Number.isInteger(config.Cooldown) || config.Cooldown < 0)) {
    throw validation('Cooldown must be a non-negative integer.');
  }
  checkSteps(config.StepAdjustments ?? []);
  return config;
};
