/**
 * Wakes agent polls when the desired state of their instance changes: a task placed on it, a
 * task's desired status changed, a task removed, or the instance itself changed. Each instance
 * has a sequence number (the store revision of its last desired-state change).
 */
import type { StateStore, StoreChange } from '@berth/store';

import { agentDesiredStatus } from '../load-balancing/load-balancing.js';
import { KIND, placedOn, type TaskRecord } from '../records.js';

type Waiter = () => void;

export class DesiredStateNotifier {
  private readonly sequence = new Map<string, number>();
  private readonly waiters = new Map<string, Set<Waiter>>();
  private readonly desiredByTask = new Map<string, string>();
  private readonly baseSeq: number;
  private readonly unsubscribe: () => void;

  constructor(private readonly store: StateStore) {
    this.baseSeq = store.revision;
    for (const task of store.list<TaskRecord>(KIND.task)) {
      this.desiredByTask.set(task.task.taskArn ?? '', `${placedOn(task) ?? ''}|${agentDesiredStatus(task)}`);
    }
    this.unsubscribe = store.subscribe((changes) => this.onChanges(changes));
  }

  seqOf(instanceArn: string): number {
    return this.sequence.get(instanceArn) ?? this.baseSeq;
  }

  /** Resolves when the instance's desired state moves past `knownSeq`, or after `timeoutMs`. */
  waitForChange(instanceArn: string, knownSeq: number, timeoutMs: number): Promise<void> {
    if (this.seqOf(instanceArn) !== knownSeq) return Promise.resolve();
    return new Promise((resolve) => {
      let waiters = this.waiters.get(instanceArn);
      if (!waiters) this.waiters.set(instanceArn, (waiters = new Set()));
      const done = (): void => {
        clearTimeout(timer);
        waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      waiters.add(done);
    });
  }

  close(): void {
    this.unsubscribe();
    for (const waiters of this.waiters.values()) for (const wake of [...waiters]) wake();
  }

  private onChanges(changes: readonly StoreChange[]): void {
    const revision = this.store.revision;
    const touched = new Set<string>();
    let everyone = false;
    for (const change of changes) {
      if (change.kind === KIND.containerInstance || change.kind === KIND.managedHost) touched.add(change.key);
      if (change.kind !== KIND.task) continue;
      const task = change.value as TaskRecord | undefined;
      const before = this.desiredByTask.get(change.key);
      if (!task) {
        this.desiredByTask.delete(change.key);
        const instance = before?.split('|')[0];
        if (instance) touched.add(instance);
        else everyone = true;
        continue;
      }
      const target = placedOn(task);
      const after = `${target ?? ''}|${agentDesiredStatus(task)}`;
      if (before === after) continue;
      this.desiredByTask.set(change.key, after);
      if (target) touched.add(target);
    }
    const targets = everyone ? [...this.waiters.keys(), ...touched] : touched;
    for (const arn of targets) {
      this.sequence.set(arn, revision);
      for (const wake of [...(this.waiters.get(arn) ?? [])]) wake();
    }
  }
}
