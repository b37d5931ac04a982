/**
 * Task ARNs by a key of each task record, kept up to date from the store's committed changes, so
 * the tasks of a service or of an agent are found without scanning every task.
 */
import type { StateStore, StoreChange } from '@berth/store';

import { KIND, placedOn, type TaskRecord } from './records.js';

export class TaskIndex {
  private readonly members = new Map<string, Set<string>>();
  private readonly keyOfTask = new Map<string, string>();
  private readonly unsubscribe: () => void;

  constructor(
    store: StateStore,
    /** The key a task is found under; undefined leaves it out. */
    private readonly keyOf: (record: TaskRecord) => string | undefined,
  ) {
    for (const record of store.list<TaskRecord>(KIND.task)) this.add(record.task.taskArn ?? '', record);
    this.unsubscribe = store.subscribe((changes) => this.apply(changes));
  }

  /** The committed tasks under a key. */
  taskArns(key: string): readonly string[] {
    return [...(this.members.get(key) ?? [])];
  }

  close(): void {
    this.unsubscribe();
  }

  private apply(changes: readonly StoreChange[]): void {
    for (const change of changes) {
      if (change.kind !== KIND.task) continue;
      const before = this.keyOfTask.get(change.key);
      if (before !== undefined) {
        this.members.get(before)?.delete(change.key);
        this.keyOfTask.delete(change.key);
      }
      this.add(change.key, change.value as TaskRecord | undefined);
    }
  }

  private add(taskArn: string, record: TaskRecord | undefined): void {
    const key = record && this.keyOf(record);
    if (key === undefined) return;
    let set = this.members.get(key);
    if (!set) this.members.set(key, (set = new Set()));
    set.add(taskArn);
    this.keyOfTask.set(taskArn, key);
  }
}

const groupKey = (clusterArn: string, group: string): string => `${clusterArn}\n${group}`;

/** Tasks by cluster and task group (e.g. `service:web`). */
export class TaskGroupIndex {
  private readonly index: TaskIndex;

  constructor(store: StateStore) {
    this.index = new TaskIndex(store, (r) => groupKey(r.clusterArn, r.task.group ?? ''));
  }

  taskArns(clusterArn: string, group: string): readonly string[] {
    return this.index.taskArns(groupKey(clusterArn, group));
  }

  close(): void {
    this.index.close();
  }
}

/** Tasks by where they run: their container instance, or a FARGATE task's managed host. */
export const taskPlacementIndex = (store: StateStore): TaskIndex => new TaskIndex(store, placedOn);
