/**
 * Task ARNs by cluster and task group (e.g. `service:web`), kept up to date from the store's
 * committed changes, so a service's tasks are found without scanning its cluster.
 */
import type { StateStore, StoreChange } from '@berth/store';

import { KIND, type TaskRecord } from './records.js';

const slot = (clusterArn: string, group: string): string => `${clusterArn}\n${group}`;

export class TaskGroupIndex {
  private readonly members = new Map<string, Set<string>>();
  private readonly slotOf = new Map<string, string>();
  private readonly unsubscribe: () => void;

  constructor(store: StateStore) {
    for (const record of store.list<TaskRecord>(KIND.task)) this.add(record.task.taskArn ?? '', record);
    this.unsubscribe = store.subscribe((changes) => this.apply(changes));
  }

  /** The committed tasks of a group. */
  taskArns(clusterArn: string, group: string): readonly string[] {
    return [...(this.members.get(slot(clusterArn, group)) ?? [])];
  }

  close(): void {
    this.unsubscribe();
  }

  private apply(changes: readonly StoreChange[]): void {
    for (const change of changes) {
      if (change.kind !== KIND.task) continue;
      const before = this.slotOf.get(change.key);
      if (before !== undefined) {
        this.members.get(before)?.delete(change.key);
        this.slotOf.delete(change.key);
      }
      this.add(change.key, change.value as TaskRecord | undefined);
    }
  }

  private add(taskArn: string, record: TaskRecord | undefined): void {
    if (!record) return;
    const key = slot(record.clusterArn, record.task.group ?? '');
    let set = this.members.get(key);
    if (!set) this.members.set(key, (set = new Set()));
    set.add(taskArn);
    this.slotOf.set(taskArn, key);
  }
}
