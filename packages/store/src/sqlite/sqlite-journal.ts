import Database from 'better-sqlite3';

import type { JournalRecord, JournalWrite, StoreJournal } from '../store-journal.js';

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

/** Commits journaled to an SQLite file (WAL): one SQLite transaction per store transaction. */
export class SqliteJournal implements StoreJournal {
  private readonly db: Database.Database;
  private readonly upsert: Database.Statement;
  private readonly remove: Database.Statement;
  private readonly saveRevision: Database.Statement;
  private readonly writeAll: (writes: readonly JournalWrite[], revision: number) => void;

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
    this.writeAll = this.db.transaction((writes: readonly JournalWrite[], revision: number) => {
      for (const w of writes) {
        if (w.scope !== undefined) this.upsert.run(w.kind, w.key, w.scope, JSON.stringify(w.value));
        else this.remove.run(w.kind, w.key);
      }
      this.saveRevision.run(String(revision));
    });
  }

  load(): { records: JournalRecord[]; revision: number } {
    const rows = this.db.prepare('SELECT kind, key, scope, body FROM records').all() as {
      kind: string;
      key: string;
      scope: string;
      body: string;
    }[];
    const revision = this.db.prepare("SELECT value FROM meta WHERE name = 'revision'").get() as
      { value: string } | undefined;
    return {
      records: rows.map((r) => ({
        kind: r.kind,
        key: r.key,
        scope: r.scope,
        value: JSON.parse(r.body) as unknown,
      })),
      revision: revision ? Number(revision.value) : 0,
    };
  }

  write(writes: readonly JournalWrite[], revision: number): void {
    this.writeAll(writes, revision);
  }

  close(): void {
    this.db.close();
  }
}
