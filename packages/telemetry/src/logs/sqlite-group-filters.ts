/** The log store's group filters on SQLite: one row per (group, kind, name), the body as JSON. */
import type Database from 'better-sqlite3';

import type { GroupFilterKind, GroupFilterQuery, GroupFilterRecord, LogScope } from './log-store.js';

interface FilterRow {
  readonly group_name: string;
  readonly name: string;
  readonly creation_time: number;
  readonly body: string;
}

const GROUP_ID = 'SELECT id FROM log_groups WHERE account_id = ? AND region = ? AND name = ?';

export class SqliteGroupFilters {
  constructor(private readonly db: Database.Database) {}

  put(scope: LogScope, kind: GroupFilterKind, filter: GroupFilterRecord): boolean {
    const result = this.db
      .prepare(
        'INSERT INTO log_group_filters (group_id, kind, name, creation_time, body) ' +
          `SELECT id, ?, ?, ?, ? FROM (${GROUP_ID}) ` +
          'WHERE true ON CONFLICT (group_id, kind, name) DO UPDATE SET body = excluded.body',
      )
      .run(
        kind,
        filter.name,
        filter.creationTime,
        JSON.stringify(filter.body),
        scope.accountId,
        scope.region,
        filter.groupName,
      );
    return result.changes === 1;
  }

  list(scope: LogScope, kind: GroupFilterKind, query: GroupFilterQuery): GroupFilterRecord[] {
    const byGroup = query.groupName !== undefined ? 'AND g.name = ?' : '';
    const rows = this.db
      .prepare(
        'SELECT g.name AS group_name, f.name, f.creation_time, f.body FROM log_group_filters f ' +
          'JOIN log_groups g ON g.id = f.group_id ' +
          `WHERE g.account_id = ? AND g.region = ? AND f.kind = ? ${byGroup} ORDER BY g.name, f.name`,
      )
      .all(
        scope.accountId,
        scope.region,
        kind,
        ...(query.groupName !== undefined ? [query.groupName] : []),
      ) as FilterRow[];
    return rows.map((row) => ({
      groupName: row.group_name,
      name: row.name,
      creationTime: row.creation_time,
      body: JSON.parse(row.body) as Record<string, unknown>,
    }));
  }

  delete(scope: LogScope, kind: GroupFilterKind, groupName: string, name: string): boolean {
    const result = this.db
      .prepare(`DELETE FROM log_group_filters WHERE group_id = (${GROUP_ID}) AND kind = ? AND name = ?`)
      .run(scope.accountId, scope.region, groupName, kind, name);
    return result.changes === 1;
  }
}
