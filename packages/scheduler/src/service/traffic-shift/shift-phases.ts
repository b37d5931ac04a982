/**
 * The phases of a traffic-shifting deployment, in order [G blue-green-deployment-how-it-works,
 * M ServiceDeployment.lifecycleStage]. Each phase shows a lifecycle stage, may have work to finish
 * (scale green up, move traffic, wait out the bake time, stop blue) and then runs the hooks
 * configured for its hook stage before the next phase begins. PRE_PRODUCTION_TRAFFIC_SHIFT is a
 * hook stage without a lifecycle stage of its own: its hooks run at the end of
 * POST_TEST_TRAFFIC_SHIFT, before any production traffic moves. RECONCILE_SERVICE hooks are not run
 * (impl): Berth never starts a shifting deployment with more than one other revision serving.
 */
import type { HookStage, LifecycleStage } from './shift-types.js';

export type PhaseWork = 'none' | 'scale-up' | 'test-traffic' | 'production-traffic' | 'bake' | 'clean-up';

export interface ShiftPhase {
  readonly stage: LifecycleStage;
  readonly work: PhaseWork;
  readonly hookStage?: HookStage;
}

export const SHIFT_PHASES: readonly ShiftPhase[] = [
  { stage: 'PRE_SCALE_UP', work: 'none', hookStage: 'PRE_SCALE_UP' },
  { stage: 'SCALE_UP', work: 'scale-up' },
  { stage: 'POST_SCALE_UP', work: 'none', hookStage: 'POST_SCALE_UP' },
  { stage: 'TEST_TRAFFIC_SHIFT', work: 'test-traffic', hookStage: 'TEST_TRAFFIC_SHIFT' },
  { stage: 'POST_TEST_TRAFFIC_SHIFT', work: 'none', hookStage: 'POST_TEST_TRAFFIC_SHIFT' },
  { stage: 'POST_TEST_TRAFFIC_SHIFT', work: 'none', hookStage: 'PRE_PRODUCTION_TRAFFIC_SHIFT' },
  { stage: 'PRODUCTION_TRAFFIC_SHIFT', work: 'production-traffic', hookStage: 'PRODUCTION_TRAFFIC_SHIFT' },
  { stage: 'POST_PRODUCTION_TRAFFIC_SHIFT', work: 'none', hookStage: 'POST_PRODUCTION_TRAFFIC_SHIFT' },
  { stage: 'BAKE_TIME', work: 'bake' },
  { stage: 'CLEAN_UP', work: 'clean-up' },
];

export const LAST_PHASE = SHIFT_PHASES.length - 1;

export const phaseAt = (index: number): ShiftPhase =>
  SHIFT_PHASES[Math.min(Math.max(index, 0), LAST_PHASE)] as ShiftPhase;

/** The lifecycle stage a deployment at `phase` shows. */
export const lifecycleStageOf = (phase: number): LifecycleStage => phaseAt(phase).stage;
