/**
 * The loop every controller runs (DESIGN.md §3): committed store changes enqueue the keys they
 * concern, a periodic resync enqueues every key (time alone moves some decisions), and a
 * de-duplicating work queue reconciles each key — never one key twice at once. Nothing depends on
 * having seen a particular change: a reconcile re-reads the store. A controller extends
 * `LoopController` and says which keys exist, which keys changes concern, and how to reconcile one.
 */
import type { StateStore, StoreChange } from '@berth/store';

import { WorkQueue } from './work-queue.js';

export interface ControllerLoopSpec {
  readonly store: StateStore;
  readonly resyncIntervalMs: number;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
  /** Reconciles one key, in one transaction. */
  readonly reconcile: (key: string) => void;
  /** Every key a resync reconciles. */
  readonly allKeys: () => Iterable<string>;
  /** The keys a batch of committed changes concerns. */
  readonly keysOf: (changes: readonly StoreChange[]) => Iterable<string>;
}

export class ControllerLoop {
  private readonly queue: WorkQueue;
  private unsubscribe: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly spec: ControllerLoopSpec) {
    this.queue = new WorkQueue((key) => spec.reconcile(key), spec.log);
  }

  start(): void {
    this.unsubscribe = this.spec.store.subscribe((changes) => {
      for (const key of this.spec.keysOf(changes)) this.queue.add(key);
    });
    this.timer = setInterval(() => this.resync(), this.spec.resyncIntervalMs);
    this.timer.unref();
    this.resync();
  }

  stop(): void {
    this.unsubscribe?.();
    clearInterval(this.timer);
    this.queue.close();
  }

  resync(): void {
    for (const key of this.spec.allKeys()) this.queue.add(key);
  }
}

export interface LoopOptions {
  readonly store: StateStore;
  readonly resyncIntervalMs: number;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
}

/** A controller driven by a ControllerLoop. */
export abstract class LoopController<Options extends LoopOptions> {
  private readonly loop: ControllerLoop;

  constructor(protected readonly options: Options) {
    this.loop = new ControllerLoop({
      ...options,
      reconcile: (key) => this.reconcile(key),
      allKeys: () => this.allKeys(),
      keysOf: (changes) => this.keysOf(changes),
    });
  }

  start(): void {
    this.loop.start();
  }

  stop(): void {
    this.loop.stop();
  }

  /** Reconciles one key, in one transaction. */
  abstract reconcile(key: string): void;
  protected abstract allKeys(): Iterable<string>;
  protected abstract keysOf(changes: readonly StoreChange[]): Iterable<string>;
}
