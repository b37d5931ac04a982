/**
 * deploymentConfiguration's strategy settings [M DeploymentConfiguration, LinearConfiguration,
 * CanaryConfiguration, DeploymentLifecycleHook]: ROLLING (the default), or the traffic-shifting
 * BLUE_GREEN, LINEAR and CANARY with bakeTimeInMinutes, their step configuration and lifecycle
 * hooks. Validated as given, merged over the service's current ones, and turned into the
 * scheduler's TrafficShiftSettings. Ranges and defaults are the API reference's; (impl) marks
 * wording ECS does not publish. Pure.
 */
import { invalidParameter } from '@berth/core';
import type { HookStage, ShiftHookConfig, TrafficShiftSettings } from '@berth/scheduler';
import type { DeploymentConfiguration, DeploymentLifecycleHook, LoadBalancer } from '@berth/wire/ecs';

const STRATEGIES = ['ROLLING', 'BLUE_GREEN', 'LINEAR', 'CANARY'];
const HOOK_STAGES: readonly HookStage[] = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRE_PRODUCTION_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
];
const MAX_BAKE_MINUTES = 1440;
/** (impl) ECS publishes no default hook timeout: a day, then ROLLBACK. */
const DEFAULT_HOOK_TIMEOUT_MINUTES = 1440;
const DEFAULT_LINEAR = { stepPercent: 10, stepBakeTimeInMinutes: 6 };
const DEFAULT_CANARY = { canaryPercent: 5, canaryBakeTimeInMinutes: 10 };

const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

const minutes = (name: string, value: number | undefined): void => {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < 0 || value > MAX_BAKE_MINUTES)
    throw invalidParameter(`${name} must be between 0 and ${MAX_BAKE_MINUTES}.`);
};

/** A multiple of 0.1 within [min, max]. */
const percent = (name: string, value: number | undefined, min: number): void => {
  if (value === undefined) return;
  const tenths = Math.round(value * 10);
  if (Math.abs(value * 10 - tenths) > 1e-6 || value < min || value > 100)
    throw invalidParameter(`${name} must be a multiple of 0.1 between ${min} and 100.`);
};

const validateHook = (hook: DeploymentLifecycleHook): void => {
  const type = hook.targetType ?? 'AWS_LAMBDA';
  if (type !== 'AWS_LAMBDA' && type !== 'PAUSE')
    throw invalidParameter(`Invalid targetType: ${text(type)}. Valid values are AWS_LAMBDA and PAUSE.`);
  if (type === 'AWS_LAMBDA' && !hook.hookTargetArn)
    throw invalidParameter('hookTargetArn must be specified for a lifecycle hook of targetType AWS_LAMBDA.');
  const stages = hook.lifecycleStages ?? [];
  if (stages.length === 0) throw invalidParameter('lifecycleStages must have at least one stage.');
  for (const stage of stages)
    if (!HOOK_STAGES.includes(stage)) throw invalidParameter(`Invalid lifecycleStage: ${text(stage)}.`);
  const timeout = hook.timeoutConfiguration?.timeoutInMinutes;
  if (timeout !== undefined && (!Number.isInteger(timeout) || timeout < 1 || timeout > 20160))
    throw invalidParameter('timeoutInMinutes must be between 1 and 20160.');
  const action = hook.timeoutConfiguration?.action;
  if (action !== undefined && action !== 'CONTINUE' && action !== 'ROLLBACK')
    throw invalidParameter(
      `Invalid timeout action: ${text(action)}. Valid values are CONTINUE and ROLLBACK.`,
    );
};

/** The strategy fields of `given` over those of `current`, validated together. */
export const mergeDeploymentStrategy = (
  given: DeploymentConfiguration | undefined,
  current: DeploymentConfiguration | undefined,
): Pick<
  DeploymentConfiguration,
  'strategy' | 'bakeTimeInMinutes' | 'lifecycleHooks' | 'linearConfiguration' | 'canaryConfiguration'
> => {
  const strategy = given?.strategy ?? current?.strategy;
  if (strategy !== undefined && !STRATEGIES.includes(strategy))
    throw invalidParameter(
      `Invalid strategy: ${text(strategy)}. Valid values are ROLLING, BLUE_GREEN, LINEAR and CANARY.`,
    );
  type StrategyKey = 'bakeTimeInMinutes' | 'lifecycleHooks' | 'linearConfiguration' | 'canaryConfiguration';
  const merged: Pick<DeploymentConfiguration, StrategyKey | 'strategy'> =
    strategy !== undefined ? { strategy } : {};
  for (const key of [
    'bakeTimeInMinutes',
    'lifecycleHooks',
    'linearConfiguration',
    'canaryConfiguration',
  ] as const) {
    const value = given?.[key] !== undefined ? given[key] : current?.[key];
    if (value !== undefined) Object.assign(merged, { [key]: value });
  }
  if (given?.linearConfiguration !== undefined && strategy !== 'LINEAR')
    throw invalidParameter('linearConfiguration is only valid when the deployment strategy is LINEAR.');
  if (given?.canaryConfiguration !== undefined && strategy !== 'CANARY')
    throw invalidParameter('canaryConfiguration is only valid when the deployment strategy is CANARY.');
  minutes('bakeTimeInMinutes', merged.bakeTimeInMinutes);
  percent('stepPercent', merged.linearConfiguration?.stepPercent, 3);
  minutes('stepBakeTimeInMinutes', merged.linearConfiguration?.stepBakeTimeInMinutes);
  percent('canaryPercent', merged.canaryConfiguration?.canaryPercent, 0.1);
  minutes('canaryBakeTimeInMinutes', merged.canaryConfiguration?.canaryBakeTimeInMinutes);
  for (const hook of merged.lifecycleHooks ?? []) validateHook(hook);
  return merged;
};

/**
 * A traffic-shifting service behind load balancers needs, on each entry, the alternate target group
 * and the listener rule whose weights it moves [G alb-resources-for-blue-green]. (impl) wording.
 */
export const checkShiftingLoadBalancers = (
  config: DeploymentConfiguration,
  loadBalancers: readonly LoadBalancer[],
): void => {
  if (!isTrafficShifting(config)) return;
  for (const lb of loadBalancers)
    if (!lb.advancedConfiguration)
      throw invalidParameter(
        `advancedConfiguration must be specified for the load balancer of target group ${lb.targetGroupArn ?? ''} when the deployment strategy is ${config.strategy ?? ''}.`,
      );
};

export const isTrafficShifting = (config: DeploymentConfiguration | undefined): boolean =>
  config?.strategy === 'BLUE_GREEN' || config?.strategy === 'LINEAR' || config?.strategy === 'CANARY';

const hookConfig = (hook: DeploymentLifecycleHook, index: number): ShiftHookConfig => ({
  index,
  stages: hook.lifecycleStages ?? [],
  pause: hook.targetType === 'PAUSE',
  timeoutSeconds: (hook.timeoutConfiguration?.timeoutInMinutes ?? DEFAULT_HOOK_TIMEOUT_MINUTES) * 60,
  timeoutAction: hook.timeoutConfiguration?.action ?? 'ROLLBACK',
});

/** The scheduler's settings for a traffic-shifting strategy; undefined for ROLLING. */
export const trafficShiftSettingsOf = (
  config: DeploymentConfiguration | undefined,
): TrafficShiftSettings | undefined => {
  if (!config || !isTrafficShifting(config)) return undefined;
  const linear = { ...DEFAULT_LINEAR, ...config.linearConfiguration };
  const canary = { ...DEFAULT_CANARY, ...config.canaryConfiguration };
  return {
    strategy:
      config.strategy === 'LINEAR'
        ? {
            type: 'LINEAR',
            stepPercent: linear.stepPercent,
            stepBakeSeconds: linear.stepBakeTimeInMinutes * 60,
          }
        : config.strategy === 'CANARY'
          ? {
              type: 'CANARY',
              canaryPercent: canary.canaryPercent,
              canaryBakeSeconds: canary.canaryBakeTimeInMinutes * 60,
            }
          : { type: 'BLUE_GREEN' },
    bakeSeconds: (config.bakeTimeInMinutes ?? 0) * 60,
    hooks: (config.lifecycleHooks ?? []).map(hookConfig),
  };
};
