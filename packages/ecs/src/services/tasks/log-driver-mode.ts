/**
 * The defaultLogDriverMode account setting [M PutAccountSetting.name]: "If you don't specify a
 * delivery mode in your container definition's logConfiguration, the mode you specify using this
 * account setting will be used as the default." Containers with a logConfiguration but no `mode`
 * option get the mode in effect when the task is launched; the agent hands it to Docker as the
 * `mode` log option. Containers without a logConfiguration keep Docker's own default. Pure.
 */
import type { ContainerDefinition } from '@berth/wire/ecs';

export const withLogDriverMode = (
  containers: readonly ContainerDefinition[],
  mode: string | undefined,
): ContainerDefinition[] =>
  containers.map((container) => {
    const config = container.logConfiguration;
    if (!mode || !config || config.options?.['mode'] !== undefined) return container;
    return { ...container, logConfiguration: { ...config, options: { ...config.options, mode } } };
  });
