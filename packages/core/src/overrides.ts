import type { ContainerDefinition, ContainerOverride, KeyValuePair, TaskOverride } from '@berth/wire/ecs';

const mergeEnvironment = (
  base: readonly KeyValuePair[] | undefined,
  override: readonly KeyValuePair[] | undefined,
): KeyValuePair[] | undefined => {
  if (!override) return base ? [...base] : undefined;
  const byName = new Map((base ?? []).map((kv) => [kv.name, kv]));
  for (const kv of override) byName.set(kv.name, kv);
  return [...byName.values()];
};

const applyContainerOverride = (
  def: ContainerDefinition,
  override: ContainerOverride | undefined,
): ContainerDefinition => {
  if (!override) return def;
  const merged: ContainerDefinition = { ...def };
  if (override.command !== undefined) merged.command = override.command;
  const environment = mergeEnvironment(def.environment, override.environment);
  if (environment) merged.environment = environment;
  if (override.environmentFiles !== undefined) merged.environmentFiles = override.environmentFiles;
  if (override.cpu !== undefined) merged.cpu = override.cpu;
  if (override.memory !== undefined) merged.memory = override.memory;
  if (override.memoryReservation !== undefined) merged.memoryReservation = override.memoryReservation;
  if (override.resourceRequirements !== undefined)
    merged.resourceRequirements = override.resourceRequirements;
  return merged;
};

/** The container definitions a task runs: the task definition's, with RunTask's overrides applied. */
export const applyOverrides = (
  containers: readonly ContainerDefinition[],
  overrides: TaskOverride | undefined,
): ContainerDefinition[] =>
  containers.map((def) =>
    applyContainerOverride(
      def,
      overrides?.containerOverrides?.find((o) => o.name === def.name),
    ),
  );
