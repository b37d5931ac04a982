import type { StoredRecord } from './state-store.js';

/** Records by kind and key, with a per-scope index: the in-memory side of a store. */
export class MemoryIndex {
  private readonly byKind = new Map<string, Map<string, StoredRecord<unknown>>>();
  private readonly byScope = new Map<string, Map<string, Set<string>>>();

  get(kind: string, key: string): StoredRecord<unknown> | undefined {
    return this.byKind.get(kind)?.get(key);
  }

  keys(kind: string, scope?: string): Iterable<string> {
    if (scope === undefined) return this.byKind.get(kind)?.keys() ?? [];
    return this.byScope.get(kind)?.get(scope) ?? [];
  }

  count(kind: string, scope?: string): number {
    if (scope === undefined) return this.byKind.get(kind)?.size ?? 0;
    return this.byScope.get(kind)?.get(scope)?.size ?? 0;
  }

  set(kind: string, record: StoredRecord<unknown>): void {
    const records = this.mapFor(this.byKind, kind);
    const previous = records.get(record.key);
    if (previous && previous.scope !== record.scope) this.unindex(kind, previous);
    records.set(record.key, record);
    const scopes = this.mapFor(this.byScope, kind);
    let keys = scopes.get(record.scope);
    if (!keys) scopes.set(record.scope, (keys = new Set()));
    keys.add(record.key);
  }

  delete(kind: string, key: string): void {
    const records = this.byKind.get(kind);
    const previous = records?.get(key);
    if (!records || !previous) return;
    records.delete(key);
    this.unindex(kind, previous);
  }

  private unindex(kind: string, record: StoredRecord<unknown>): void {
    const keys = this.byScope.get(kind)?.get(record.scope);
    keys?.delete(record.key);
    if (keys?.size === 0) this.byScope.get(kind)?.delete(record.scope);
  }

  private mapFor<V>(maps: Map<string, Map<string, V>>, kind: string): Map<string, V> {
    let map = maps.get(kind);
    if (!map) maps.set(kind, (map = new Map<string, V>()));
    return map;
  }
}
