/**
 * The StateStore: every record Berth keeps, by kind and key, with a scope (e.g. the cluster ARN
 * or the account/region partition) for listing. Reads come from memory; writes go through
 * `transact`, which applies all of a transaction's writes atomically and durably, or none.
 *
 * Records are immutable values: replace a record with `put`, never mutate one you have read.
 */
export interface StoredRecord<T> {
  readonly key: string;
  readonly scope: string;
  readonly value: T;
}

export interface StoreReader {
  get<T>(kind: string, key: string): T | undefined;
  /** Every record of a kind, or only those in one scope. */
  list<T>(kind: string, scope?: string): T[];
  count(kind: string, scope?: string): number;
}

export interface StoreTransaction extends StoreReader {
  put(kind: string, key: string, scope: string, value: unknown): void;
  delete(kind: string, key: string): void;
}

export interface StoreChange {
  readonly kind: string;
  readonly key: string;
  readonly scope: string;
  /** undefined when the record was deleted. */
  readonly value: unknown;
}

export interface StateStore extends StoreReader {
  /** Runs `work` with a transaction; its writes commit together when it returns, and not at all if it throws. */
  transact<R>(work: (tx: StoreTransaction) => R): R;
  /** Increases by one with every committed transaction that wrote something. */
  readonly revision: number;
  /** Called after each commit with what changed. Returns an unsubscribe function. */
  subscribe(listener: (changes: readonly StoreChange[]) => void): () => void;
  close(): void;
}
