import { describe, expect, it } from 'vitest';

import type { StateStore } from './state-store.js';

/** The StateStore contract, run against every implementation. */
export const runStateStoreConformance = (
  name: string,
  open: () => StateStore,
  reopen?: (s: StateStore) => StateStore,
): void => {
  describe(`StateStore conformance: ${name}`, () => {
    it('reads back what a transaction wrote, by key and by scope', () => {
      const store = open();
      store.transact((tx) => {
        tx.put('task', 'a', 'c1', { id: 'a' });
        tx.put('task', 'b', 'c2', { id: 'b' });
      });
      expect(store.get('task', 'a')).toEqual({ id: 'a' });
      expect(store.list('task', 'c1')).toEqual([{ id: 'a' }]);
      expect(store.count('task')).toBe(2);
      expect(store.revision).toBe(1);
      store.close();
    });

    it('sees its own writes inside a transaction, and commits nothing when it throws', () => {
      const store = open();
      expect(() =>
        store.transact((tx) => {
          tx.put('task', 'a', 'c1', { id: 'a' });
          expect(tx.get('task', 'a')).toEqual({ id: 'a' });
          expect(tx.list('task', 'c1')).toHaveLength(1);
          throw new Error('abort');
        }),
      ).toThrow('abort');
      expect(store.get('task', 'a')).toBeUndefined();
      expect(store.revision).toBe(0);
      store.close();
    });

    it('moves a record between scopes and deletes it', () => {
      const store = open();
      store.transact((tx) => tx.put('task', 'a', 'c1', { v: 1 }));
      store.transact((tx) => tx.put('task', 'a', 'c2', { v: 2 }));
      expect(store.list('task', 'c1')).toEqual([]);
      expect(store.list('task', 'c2')).toEqual([{ v: 2 }]);
      store.transact((tx) => tx.delete('task', 'a'));
      expect(store.get('task', 'a')).toBeUndefined();
      expect(store.count('task', 'c2')).toBe(0);
      store.close();
    });

    it('tells subscribers what changed, after commit', () => {
      const store = open();
      const seen: string[] = [];
      const unsubscribe = store.subscribe((changes) =>
        seen.push(...changes.map((c) => `${c.kind}:${c.key}`)),
      );
      store.transact((tx) => tx.put('cluster', 'x', 'p', {}));
      unsubscribe();
      store.transact((tx) => tx.put('cluster', 'y', 'p', {}));
      expect(seen).toEqual(['cluster:x']);
      store.close();
    });

    if (reopen) {
      it('keeps records and revision across a reopen', () => {
        const store = open();
        store.transact((tx) => tx.put('task', 'a', 'c1', { id: 'a' }));
        const again = reopen(store);
        expect(again.get('task', 'a')).toEqual({ id: 'a' });
        expect(again.list('task', 'c1')).toHaveLength(1);
        expect(again.revision).toBe(1);
        again.close();
      });
    }
  });
};
