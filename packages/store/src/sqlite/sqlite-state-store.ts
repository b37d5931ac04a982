import Database from 'better-sqlite3';

import { MemoryIndex } from '../memory-index.js';
import type { StateStore, StoreChange, StoreTransaction, StoredRecord } from '../state-store.js';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS records (
    kind  TEXT NOT NULL,
    key   TEXT NOT NULL,
    scope TEXT NOT NULL,
    body  TEXT NOT NULL,
    PRIMARY KEY (kind, key)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

type PendingWrite = { readonly kind: string; readonly key: string; readonly record?: StoredRecord<unknown> };

/**
 * A StateStore kept in memory and journaled to SQLite (a file, or `:memory:` for tests and
 * `--in-memory`). Every record is loaded at open; each transaction is one SQLite transaction.
 */
export class SqliteStateStore implements StateStore {
  private readonly db: Database.Database;
  private readonly index = new MemoryIndex();
  private readonly listeners = new Set<(changes: readonly StoreChange[]) => void>();
  private readonly upsert: Database.Statement;
  private readonly remove: Database.Statement;
  private readonly saveRevision: Database.Statement;
  private currentRevision = 0;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    this.upsert = this.db.prepare(
      'INSERT INTO records (kind, key, scope, body) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT(kind, key) DO UPDATE SET scope = excluded.scope, body = excluded.body',
    );
    this.remove = this.db.prepare('DELETE FROM records WHERE kind = ? AND key = ?');
    this.saveRevision = this.db.prepare(
      "INSERT INTO meta (name, value) VALUES ('revision', ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
    );
    this.load();
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
    this.db.close();
  }

  private listWithPending<T>(
    kind: string,
    scope: string | undefined,
    pending: ReadonlyMap<string, PendingWrite>,
    read: (kind: string, key: string) => StoredRecord<unknown> | undefined,
  ): T[] {
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
    this.db.transaction(() => {
      for (const write of writes) {
        if (write.record) {
          this.upsert.run(write.kind, write.key, write.record.scope, JSON.stringify(write.record.value));
        } else {
          this.remove.run(write.kind, write.key);
        }
      }
      this.saveRevision.run(String(revision));
    })();
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

  private load(): void {
    const rows = this.db.prepare('SELECT kind, key, scope, body FROM records').all() as {
      kind: string;
      key: string;
      scope: string;
      body: string;
    }[];
    for (const row of rows) {
      this.index.set(row.kind, { key: row.key, scope: row.scope, value: JSON.parse(row.body) as unknown });
    }
    const revision = this.db.prepare("SELECT value FROM meta WHERE name = 'revision'").get() as
      { value: string } | undefined;
    this.currentRevision = revision ? Number(revision.value) : 0;
  }
}
