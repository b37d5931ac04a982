/**
 * The lifecycle hooks of one phase [M DeploymentLifecycleHook, DeploymentLifecycleHookDetail]:
 * once the phase's work is done its hooks start together — PAUSE hooks AWAITING_ACTION (until
 * ContinueServiceDeployment), the others IN_PROGRESS (the control plane invokes them and records
 * their answers). The phase ends when every hook SUCCEEDED, or TIMED_OUT with the CONTINUE action.
 * A hook that FAILED, or TIMED_OUT with ROLLBACK, rolls the deployment back. A hook still
 * unresolved when it expires TIMED_OUT. Hook ids are `<hook stage>-<hook index>`, unique within a
 * deployment. Pure.
 */
import type { HookRun, HookStage, ShiftHookConfig } from './shift-types.js';

export type HooksVerdict =
  | { readonly kind: 'done' }
  | { readonly kind: 'waiting' }
  | { readonly kind: 'rollback'; readonly reason: string };

export interface PhaseHooks {
  readonly hooks: readonly HookRun[];
  readonly verdict: HooksVerdict;
}

export const hookIdOf = (stage: HookStage, index: number): string => `${stage.toLowerCase()}-${index}`;

const started = (config: ShiftHookConfig, stage: HookStage, now: number): HookRun => ({
  hookId: hookIdOf(stage, config.index),
  hookIndex: config.index,
  stage,
  status: config.pause ? 'AWAITING_ACTION' : 'IN_PROGRESS',
  startedAt: now,
  expiresAt: now + config.timeoutSeconds,
  timeoutAction: config.timeoutAction,
  ...(config.pause ? {} : { nextInvokeAt: now }),
});

const expired = (run: HookRun, now: number): HookRun =>
  (run.status === 'AWAITING_ACTION' || run.status === 'IN_PROGRESS') && now >= run.expiresAt
    ? { ...run, status: 'TIMED_OUT', reason: `timed out; action ${run.timeoutAction}` }
    : run;

const passed = (run: HookRun): boolean =>
  run.status === 'SUCCEEDED' || (run.status === 'TIMED_OUT' && run.timeoutAction === 'CONTINUE');

const failed = (run: HookRun): boolean =>
  run.status === 'FAILED' || (run.status === 'TIMED_OUT' && run.timeoutAction === 'ROLLBACK');

/** (impl) ECS publishes no wording for a deployment a hook stopped. */
export const hookFailedReason = (run: HookRun): string =>
  `ECS deployment lifecycle hook ${run.hookId} ${run.status === 'TIMED_OUT' ? 'timed out' : 'failed'} at ${run.stage}${
    run.reason ? `: ${run.reason}` : ''
  }.`;

export const runPhaseHooks = (
  stage: HookStage | undefined,
  current: readonly HookRun[],
  configs: readonly ShiftHookConfig[],
  now: number,
): PhaseHooks => {
  const wanted = stage === undefined ? [] : configs.filter((c) => c.stages.includes(stage));
  if (stage === undefined || wanted.length === 0) return { hooks: [], verdict: { kind: 'done' } };
  if (current.length === 0)
    return { hooks: wanted.map((c) => started(c, stage, now)), verdict: { kind: 'waiting' } };
  const hooks = current.map((run) => expired(run, now));
  const failure = hooks.find(failed);
  if (failure) return { hooks, verdict: { kind: 'rollback', reason: hookFailedReason(failure) } };
  return { hooks, verdict: hooks.every(passed) ? { kind: 'done' } : { kind: 'waiting' } };
};
