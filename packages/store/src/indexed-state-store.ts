import { MemoryIndex } from './memory-index.js';
import type { StateStore, StoreChange, StoreTransaction, StoredRecord } from './state-store.js';
import type { StoreJournal } from './store-journal.js';

type PendingWrite = { readonly kind: string; readonly key: string; readonly record?: StoredRecord<unknown> };

/**
 * A StateStore whose records live in memory, indexed by kind, key and scope, with every committed
 * transaction handed to a journal (SQLite, or none for a store that dies with the process).
 * Every record is loaded from the journal at open.
 */
export class IndexedStateStore implements StateStore {
  private readonly index = new MemoryIndex();
  private readonly listeners = new Set<(changes: readonly StoreChange[]) => void>();
  private currentRevision: number;

  constructor(private readonly journal: StoreJournal) {
    const { records, revision } = journal.load();
    for (const record of records)
      this.index.set(record.kind, { key: record.key, scope: record.scope, value: record.value });
    this.currentRevision = revision;
  }

  get revision(): number {
    return this.currentRevision;
  }

  get<T>(kind: string, key: string): T | undefined {
    return this.index.get(kind, key)?.value as T | undefined;
  }

  list<T>(kind: string, scope?: string): T[] {
    const values: T[] = [];
    for (const key of this.index.keys(kind, scope)) values.push(this.index.get(kind, key)?.value as T);
    return values;
  }

  count(kind: string, scope?: string): number {
    return this.index.count(kind, scope);
  }

  transact<R>(work: (tx: StoreTransaction) => R): R {
    const pending = new Map<string, PendingWrite>();
    const slot = (kind: string, key: string): string => `${kind}\u0000${key}`;
    const read = (kind: string, key: string): StoredRecord<unknown> | undefined => {
      const write = pending.get(slot(kind, key));
      return write ? write.record : this.index.get(kind, key);
    };
    const tx: StoreTransaction = {
      get: <T>(kind: string, key: string) => read(kind, key)?.value as T | undefined,
      list: <T>(kind: string, scope?: string) => this.listWithPending<T>(kind, scope, pending, read),
      count: (kind: string, scope?: string) => this.listWithPending(kind, scope, pending, read).length,
      put: (kind, key, scope, value) =>
        void pending.set(slot(kind, key), { kind, key, record: { key, scope, value } }),
      delete: (kind, key) => void pending.set(slot(kind, key), { kind, key }),
    };
    const result = work(tx);
    if (pending.size > 0) this.commit([...pending.values()]);
    return result;
  }

  subscribe(listener: (changes: readonly StoreChange[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.journal.close();
  }

  private listWithPending<T>(
    kind: string,
    scope: string | undefined,
    pending: ReadonlyMap<string, PendingWrite>,
    read: (kind: string, key: string) => StoredRecord<unknown> | undefined,
  ): T[] {
    if (![...pending.values()].some((w) => w.kind === kind)) return this.list<T>(kind, scope);
    const keys = new Set(this.index.keys(kind, scope));
    for (const write of pending.values()) if (write.kind === kind) keys.add(write.key);
    const values: T[] = [];
    for (const key of keys) {
      const record = read(kind, key);
      if (record && (scope === undefined || record.scope === scope)) values.push(record.value as T);
    }
    return values;
  }

  private commit(writes: readonly PendingWrite[]): void {
    const revision = this.currentRevision + 1;
    this.journal.write(
      writes.map((w) => ({
        kind: w.kind,
        key: w.key,
        ...(w.record ? { scope: w.record.scope, value: w.record.value } : {}),
      })),
      revision,
    );
    for (const write of writes) {
      if (write.record) this.index.set(write.kind, write.record);
      else this.index.delete(write.kind, write.key);
    }
    this.currentRevision = revision;
    const changes = writes.map((w) => ({
      kind: w.kind,
      key: w.key,
      scope: w.record?.scope ?? '',
      value: w.record?.value,
    }));
    for (const listener of this.listeners) listener(changes);
  }
}
