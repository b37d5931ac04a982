/**
 * Counts placements and RUNNING tasks as the store commits them (a store subscriber, so the times
 * are those of the commits, not of a polling loop), and queues each newly placed task for the
 * stand-in agent of its instance.
 */
import type { StateStore, StoreChange } from '@berth/store';

/** The few fields of a stored task record this benchmark reads. */
export interface TaskRecordView {
  readonly clusterArn: string;
  readonly task: {
    readonly taskArn?: string;
    readonly lastStatus?: string;
    readonly desiredStatus?: string;
    readonly containerInstanceArn?: string;
    readonly group?: string;
    readonly availabilityZone?: string;
  };
  readonly reservation: { readonly cpu: number; readonly memory: number };
}

export const TASK_KIND = 'task';

export class PlacementWatch {
  private readonly placedTasks = new Set<string>();
  private readonly runningTasks = new Set<string>();
  /** Placed, not yet reported RUNNING: instance ARN → task ARNs. */
  private readonly toStart = new Map<string, Set<string>>();
  private readonly unsubscribe: () => void;
  placedAt: number | undefined;
  runningAt: number | undefined;

  constructor(
    store: StateStore,
    private readonly expected: number,
    private readonly clock: () => number,
  ) {
    this.unsubscribe = store.subscribe((changes) => this.onChanges(changes));
  }

  get placed(): number {
    return this.placedTasks.size;
  }

  get running(): number {
    return this.runningTasks.size;
  }

  /** Takes the placed tasks not yet started, by instance. */
  takeToStart(): Map<string, Set<string>> {
    const batch = new Map(this.toStart);
    this.toStart.clear();
    return batch;
  }

  close(): void {
    this.unsubscribe();
  }

  private onChanges(changes: readonly StoreChange[]): void {
    for (const change of changes) {
      if (change.kind !== TASK_KIND || change.value === undefined) continue;
      const task = (change.value as TaskRecordView).task;
      const instance = task.containerInstanceArn;
      if (!instance || !task.group?.startsWith('service:')) continue;
      if (!this.placedTasks.has(change.key)) {
        this.placedTasks.add(change.key);
        if (this.placedTasks.size === this.expected) this.placedAt = this.clock();
      }
      if (task.lastStatus === 'PENDING' && task.desiredStatus === 'RUNNING') {
        let queued = this.toStart.get(instance);
        if (!queued) this.toStart.set(instance, (queued = new Set()));
        queued.add(change.key);
      } else if (task.lastStatus === 'RUNNING' && !this.runningTasks.has(change.key)) {
        this.runningTasks.add(change.key);
        if (this.runningTasks.size === this.expected) this.runningAt = this.clock();
      }
    }
  }
}
