/**
 * How production traffic moves to the green revision, per strategy [M DeploymentConfiguration,
 * LinearConfiguration, CanaryConfiguration]:
 * - BLUE_GREEN: all at once.
 * - LINEAR: stepPercent at a time, waiting stepBakeTimeInMinutes between steps (not after 100 %).
 * - CANARY: canaryPercent first, the rest once canaryBakeTimeInMinutes have passed.
 * Pure.
 */
import type { ShiftStrategy, TrafficShiftState } from './shift-types.js';

export interface ProductionShift {
  readonly percent: number;
  /** It moved in this step (lastShiftAt becomes now). */
  readonly moved: boolean;
}

const rounded = (percent: number): number => Math.min(100, Math.round(percent * 10) / 10);

export const nextProductionShift = (
  strategy: ShiftStrategy,
  state: TrafficShiftState,
  now: number,
): ProductionShift => {
  const current = state.productionPercent;
  const stay = { percent: current, moved: false };
  if (current >= 100) return stay;
  if (strategy.type === 'BLUE_GREEN') return { percent: 100, moved: true };
  if (strategy.type === 'LINEAR') {
    if (current > 0 && now < state.lastShiftAt + strategy.stepBakeSeconds) return stay;
    return { percent: rounded(current + strategy.stepPercent), moved: true };
  }
  if (current === 0) return { percent: rounded(strategy.canaryPercent), moved: true };
  if (now < state.lastShiftAt + strategy.canaryBakeSeconds) return stay;
  return { percent: 100, moved: true };
};
