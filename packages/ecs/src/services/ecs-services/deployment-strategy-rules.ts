/**
 * The parts of `deploymentConfiguration` Berth does not run [M DeploymentConfiguration]: the
 * BLUE_GREEN, LINEAR and CANARY strategies and what only they use (bakeTimeInMinutes,
 * linearConfiguration, canaryConfiguration), and deployment lifecycle hooks. Berth's ECS deployment
 * controller rolls (ROLLING); no deployment ever pauses at a hook, so ContinueServiceDeployment has
 * nothing to continue. A clear error instead of a silently ignored setting. Pure.
 */
import { unsupportedFeature } from '@berth/core';
import type { DeploymentConfiguration } from '@berth/wire/ecs';

export const rejectUnsupportedDeployment = (given: DeploymentConfiguration | undefined): void => {
  if (!given) return;
  if (given.strategy !== undefined && given.strategy !== 'ROLLING') {
    throw unsupportedFeature(
      `Berth supports only the ROLLING deployment strategy, not ${String(given.strategy)}.`,
    );
  }
  if ((given.lifecycleHooks ?? []).length > 0) {
    throw unsupportedFeature('Berth does not run deployment lifecycle hooks.');
  }
  if (given.bakeTimeInMinutes !== undefined) {
    throw unsupportedFeature(
      'bakeTimeInMinutes applies to blue/green deployments, which Berth does not support.',
    );
  }
  if (given.linearConfiguration !== undefined || given.canaryConfiguration !== undefined) {
    throw unsupportedFeature('Berth does not support LINEAR or CANARY deployments.');
  }
};
