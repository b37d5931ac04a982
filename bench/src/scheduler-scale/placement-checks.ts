/** Checks the final placement: nothing over-committed, services spread across zones. */
import type { PlacementChecks } from './scale-results.js';
import { INSTANCE_RESOURCES } from './scale-settings.js';
import type { TaskRecordView } from './placement-watch.js';

export const checkPlacement = (records: readonly TaskRecordView[]): PlacementChecks => {
  const perInstance = new Map<string, { tasks: number; cpu: number; memory: number }>();
  const zonesByService = new Map<string, Map<string, number>>();
  let liveTasks = 0;
  for (const record of records) {
    const { task } = record;
    if (task.lastStatus === 'STOPPED') continue;
    const instance = task.containerInstanceArn ?? '';
    const used = perInstance.get(instance) ?? { tasks: 0, cpu: 0, memory: 0 };
    perInstance.set(instance, {
      tasks: used.tasks + 1,
      cpu: used.cpu + record.reservation.cpu,
      memory: used.memory + record.reservation.memory,
    });
    if (task.desiredStatus !== 'RUNNING') continue;
    liveTasks += 1;
    const zones = zonesByService.get(task.group ?? '') ?? new Map<string, number>();
    zones.set(task.availabilityZone ?? '', (zones.get(task.availabilityZone ?? '') ?? 0) + 1);
    zonesByService.set(task.group ?? '', zones);
  }
  const usage = [...perInstance.values()];
  const skews = [...zonesByService.values()].map((zones) => {
    const counts = [...zones.values()];
    while (counts.length < 3) counts.push(0);
    return Math.max(...counts) - Math.min(...counts);
  });
  return {
    liveTasks,
    maxTasksPerInstance: Math.max(0, ...usage.map((u) => u.tasks)),
    instancesUsed: usage.length,
    overcommitted: usage.filter((u) => u.cpu > INSTANCE_RESOURCES.cpu || u.memory > INSTANCE_RESOURCES.memory)
      .length,
    maxZoneSkew: Math.max(0, ...skews),
  };
};
