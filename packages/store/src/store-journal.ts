/** Where an IndexedStateStore makes its commits durable. */
export interface JournalRecord {
  readonly kind: string;
  readonly key: string;
  readonly scope: string;
  readonly value: unknown;
}

export interface JournalWrite {
  readonly kind: string;
  readonly key: string;
  /** Absent for a delete. */
  readonly scope?: string;
  readonly value?: unknown;
}

export interface StoreJournal {
  load(): { readonly records: readonly JournalRecord[]; readonly revision: number };
  /** Writes one transaction's changes atomically, with the revision it makes. */
  write(writes: readonly JournalWrite[], revision: number): void;
  close(): void;
}

/** No journal: the store's state dies with the process (`berth server --in-memory`). */
export const NO_JOURNAL: StoreJournal = {
  load: () => ({ records: [], revision: 0 }),
  write: () => undefined,
  close: () => undefined,
};
