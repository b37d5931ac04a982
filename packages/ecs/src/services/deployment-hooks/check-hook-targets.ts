/** CreateService/UpdateService: every AWS_LAMBDA-type lifecycle hook must name a target Berth can invoke. Pure. */
import { invalidParameter } from '@berth/core';
import type { DeploymentConfiguration } from '@berth/wire/ecs';

import { parseHookTarget } from './hook-target.js';

export const checkHookTargets = (config: DeploymentConfiguration, commandDir: string | undefined): void => {
  for (const hook of config.lifecycleHooks ?? []) {
    if (hook.targetType === 'PAUSE') continue;
    const target = parseHookTarget(hook.hookTargetArn ?? '', commandDir);
    if (target.kind === 'invalid') throw invalidParameter(target.message);
  }
};
