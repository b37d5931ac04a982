import type { Task } from '@berth/wire/ecs';

import type { TaskRecord } from '../records.js';

/** The wire task: the stored task, with tags only when asked for. */
export const taskView = (record: TaskRecord, include: readonly string[]): Task => {
  const { tags, ...task } = record.task;
  return include.includes('TAGS') ? { ...task, tags: tags ?? [] } : task;
};
