/**
 * The LogStore on SQLite (better-sqlite3, WAL): a file beside the state store, or `:memory:`.
 * Each method is one SQLite transaction; events are indexed by (stream, timestamp, seq) for
 * GetLogEvents and by (group, timestamp, ingestion time, seq) for FilterLogEvents.
 */
import Database from 'better-sqlite3';

import type {
  AppendOutcome,
  CreateStreamOutcome,
  GroupFilterKind,
  GroupFilterQuery,
  GroupFilterRecord,
  GroupScanQuery,
  LogGroupQuery,
  LogGroupRecord,
  LogGroupView,
  LogScope,
  LogStore,
  LogStreamQuery,
  LogStreamRecord,
  NewLogEvent,
  StoredLogEvent,
  StreamReadQuery,
} from './log-store.js';
import { DAY_MS } from './log-store.js';

import { expireGroupEvents, groupScanSql, streamReadSql, type Params } from './sqlite-event-queries.js';
import { SqliteGroupFilters } from './sqlite-group-filters.js';
import { eventOfRow, groupOfRow, streamOfRow } from './sqlite-log-rows.js';
import { LOG_STORE_SCHEMA, type EventRow, type GroupRow, type StreamRow } from './sqlite-log-schema.js';

/** A group's columns and the bytes its streams hold. */
const GROUP_WITH_BYTES =
  '*, (SELECT COALESCE(SUM(stored_bytes), 0) FROM log_streams s WHERE s.group_id = log_groups.id) AS stored_bytes';

export class SqliteLogStore implements LogStore {
  private readonly db: Database.Database;
  private readonly filters: SqliteGroupFilters;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(LOG_STORE_SCHEMA);
    this.filters = new SqliteGroupFilters(this.db);
  }

  putGroupFilter(scope: LogScope, kind: GroupFilterKind, filter: GroupFilterRecord): Promise<boolean> {
    return Promise.resolve(this.filters.put(scope, kind, filter));
  }

  listGroupFilters(
    scope: LogScope,
    kind: GroupFilterKind,
    query: GroupFilterQuery,
  ): Promise<GroupFilterRecord[]> {
    return Promise.resolve(this.filters.list(scope, kind, query));
  }

  deleteGroupFilter(
    scope: LogScope,
    kind: GroupFilterKind,
    groupName: string,
    name: string,
  ): Promise<boolean> {
    return Promise.resolve(this.filters.delete(scope, kind, groupName, name));
  }

  createGroup(scope: LogScope, group: LogGroupRecord): Promise<boolean> {
    const result = this.db
      .prepare(
        'INSERT INTO log_groups (account_id, region, name, arn, creation_time, retention_in_days, kms_key_id, tags) ' +
          'VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, region, name) DO NOTHING',
      )
      .run(
        scope.accountId,
        scope.region,
        group.name,
        group.arn,
        group.creationTime,
        group.retentionInDays ?? null,
        group.kmsKeyId ?? null,
        JSON.stringify(group.tags),
      );
    return Promise.resolve(result.changes === 1);
  }

  getGroup(scope: LogScope, name: string): Promise<LogGroupView | undefined> {
    const row = this.groupRow(scope, name, GROUP_WITH_BYTES);
    return Promise.resolve(row ? groupOfRow(row) : undefined);
  }

  listGroups(scope: LogScope, query: LogGroupQuery): Promise<LogGroupView[]> {
    const where = ['account_id = @accountId', 'region = @region'];
    const params: Params = { accountId: scope.accountId, region: scope.region, limit: query.limit };
    if (query.namePrefix !== undefined) {
      where.push('substr(name, 1, length(@prefix)) = @prefix');
      params['prefix'] = query.namePrefix;
    }
    if (query.nameContains !== undefined) {
      where.push('instr(name, @contains) > 0');
      params['contains'] = query.nameContains;
    }
    if (query.afterName !== undefined) {
      where.push('name > @after');
      params['after'] = query.afterName;
    }
    const rows = this.db
      .prepare(
        `SELECT ${GROUP_WITH_BYTES} FROM log_groups WHERE ${where.join(' AND ')} ORDER BY name LIMIT @limit`,
      )
      .all(params) as GroupRow[];
    return Promise.resolve(rows.map(groupOfRow));
  }

  setRetention(scope: LogScope, name: string, retentionInDays: number | undefined): Promise<boolean> {
    return this.updateGroup(scope, name, 'retention_in_days', retentionInDays ?? null);
  }

  setTags(scope: LogScope, name: string, tags: Readonly<Record<string, string>>): Promise<boolean> {
    return this.updateGroup(scope, name, 'tags', JSON.stringify(tags));
  }

  deleteGroup(scope: LogScope, name: string): Promise<boolean> {
    return Promise.resolve(
      this.db.transaction(() => {
        const group = this.groupRow(scope, name);
        if (!group) return false;
        this.db.prepare('DELETE FROM log_events WHERE group_id = ?').run(group.id);
        this.db.prepare('DELETE FROM log_streams WHERE group_id = ?').run(group.id);
        this.db.prepare('DELETE FROM log_group_filters WHERE group_id = ?').run(group.id);
        this.db.prepare('DELETE FROM log_groups WHERE id = ?').run(group.id);
        return true;
      })(),
    );
  }

  createStream(
    scope: LogScope,
    groupName: string,
    stream: { readonly name: string; readonly creationTime: number },
  ): Promise<CreateStreamOutcome> {
    return Promise.resolve(
      this.db.transaction((): CreateStreamOutcome => {
        const group = this.groupRow(scope, groupName);
        if (!group) return 'no-group';
        const result = this.db
          .prepare(
            'INSERT INTO log_streams (group_id, name, creation_time) VALUES (?, ?, ?) ' +
              'ON CONFLICT (group_id, name) DO NOTHING',
          )
          .run(group.id, stream.name, stream.creationTime);
        return result.changes === 1 ? 'created' : 'exists';
      })(),
    );
  }

  getStream(scope: LogScope, groupName: string, name: string): Promise<LogStreamRecord | undefined> {
    const row = this.streamRow(scope, groupName, name);
    return Promise.resolve(row ? streamOfRow(row) : undefined);
  }

  listStreams(scope: LogScope, groupName: string, query: LogStreamQuery): Promise<LogStreamRecord[]> {
    const group = this.groupRow(scope, groupName);
    if (!group) return Promise.resolve([]);
    const where = ['group_id = @group'];
    const params: Params = { group: group.id, limit: query.limit };
    if (query.namePrefix !== undefined) {
      where.push('substr(name, 1, length(@prefix)) = @prefix');
      params['prefix'] = query.namePrefix;
    }
    const key = query.orderBy === 'name' ? ['name'] : ['COALESCE(last_event_timestamp, 0)', 'name'];
    const direction = query.descending ? 'DESC' : 'ASC';
    if (query.after) {
      const cursor = query.orderBy === 'name' ? ['@afterName'] : ['@afterTime', '@afterName'];
      where.push(`(${key.join(', ')}) ${query.descending ? '<' : '>'} (${cursor.join(', ')})`);
      params['afterName'] = query.after.name;
      if (query.orderBy !== 'name') params['afterTime'] = query.after.lastEventTimestamp;
    }
    const rows = this.db
      .prepare(
        `SELECT * FROM log_streams WHERE ${where.join(' AND ')} ` +
          `ORDER BY ${key.map((k) => `${k} ${direction}`).join(', ')} LIMIT @limit`,
      )
      .all(params) as StreamRow[];
    return Promise.resolve(rows.map(streamOfRow));
  }

  deleteStream(scope: LogScope, groupName: string, name: string): Promise<boolean> {
    return Promise.resolve(
      this.db.transaction(() => {
        const stream = this.streamRow(scope, groupName, name);
        if (!stream) return false;
        this.db.prepare('DELETE FROM log_events WHERE stream_id = ?').run(stream.id);
        this.db.prepare('DELETE FROM log_streams WHERE id = ?').run(stream.id);
        return true;
      })(),
    );
  }

  appendEvents(
    scope: LogScope,
    groupName: string,
    streamName: string,
    events: readonly NewLogEvent[],
    ingestionTime: number,
  ): Promise<AppendOutcome | undefined> {
    return Promise.resolve(
      this.db.transaction((): AppendOutcome | undefined => {
        const group = this.groupRow(scope, groupName);
        const stream = group && this.streamRowIn(group.id, streamName);
        if (!group || !stream) return undefined;
        const insert = this.db.prepare(
          'INSERT INTO log_events (group_id, stream_id, timestamp, ingestion_time, message) VALUES (?, ?, ?, ?, ?)',
        );
        let firstSeq = 0;
        let lastSeq = 0;
        let bytes = 0;
        let first = stream.first_event_timestamp;
        let last = stream.last_event_timestamp;
        for (const event of events) {
          lastSeq = Number(
            insert.run(group.id, stream.id, event.timestamp, ingestionTime, event.message).lastInsertRowid,
          );
          if (firstSeq === 0) firstSeq = lastSeq;
          bytes += Buffer.byteLength(event.message, 'utf8');
          first = first === null ? event.timestamp : Math.min(first, event.timestamp);
          last = last === null ? event.timestamp : Math.max(last, event.timestamp);
        }
        this.db
          .prepare(
            'UPDATE log_streams SET first_event_timestamp = ?, last_event_timestamp = ?, ' +
              'last_ingestion_time = ?, stored_bytes = stored_bytes + ? WHERE id = ?',
          )
          .run(first, last, events.length > 0 ? ingestionTime : stream.last_ingestion_time, bytes, stream.id);
        const updated = this.streamRowIn(group.id, streamName);
        return updated && { stream: streamOfRow(updated), firstSeq, lastSeq };
      })(),
    );
  }

  readStream(
    scope: LogScope,
    groupName: string,
    streamName: string,
    query: StreamReadQuery,
  ): Promise<StoredLogEvent[]> {
    const stream = this.streamRow(scope, groupName, streamName);
    if (!stream) return Promise.resolve([]);
    const { sql, params } = streamReadSql(stream.id, streamName, query);
    const events = (this.db.prepare(sql).all(params) as EventRow[]).map(eventOfRow);
    return Promise.resolve(query.direction === 'forward' ? events : events.reverse());
  }

  scanGroup(scope: LogScope, groupName: string, query: GroupScanQuery): Promise<StoredLogEvent[]> {
    const group = this.groupRow(scope, groupName);
    if (!group) return Promise.resolve([]);
    const { sql, params } = groupScanSql(group.id, query);
    return Promise.resolve((this.db.prepare(sql).all(params) as EventRow[]).map(eventOfRow));
  }

  deleteExpiredEvents(now: number): Promise<number> {
    return Promise.resolve(
      this.db.transaction(() => {
        const groups = this.db
          .prepare('SELECT id, retention_in_days FROM log_groups WHERE retention_in_days IS NOT NULL')
          .all() as { id: number; retention_in_days: number }[];
        let deleted = 0;
        for (const group of groups)
          deleted += expireGroupEvents(this.db, group.id, now - group.retention_in_days * DAY_MS);
        return deleted;
      })(),
    );
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }

  private updateGroup(
    scope: LogScope,
    name: string,
    column: string,
    value: string | number | null,
  ): Promise<boolean> {
    const result = this.db
      .prepare(`UPDATE log_groups SET ${column} = ? WHERE account_id = ? AND region = ? AND name = ?`)
      .run(value, scope.accountId, scope.region, name);
    return Promise.resolve(result.changes === 1);
  }

  private groupRow(scope: LogScope, name: string, columns = '*'): GroupRow | undefined {
    return this.db
      .prepare(`SELECT ${columns} FROM log_groups WHERE account_id = ? AND region = ? AND name = ?`)
      .get(scope.accountId, scope.region, name) as GroupRow | undefined;
  }

  private streamRow(scope: LogScope, groupName: string, name: string): StreamRow | undefined {
    const group = this.groupRow(scope, groupName);
    return group && this.streamRowIn(group.id, name);
  }

  private streamRowIn(groupId: number, name: string): StreamRow | undefined {
    return this.db.prepare('SELECT * FROM log_streams WHERE group_id = ? AND name = ?').get(groupId, name) as
      StreamRow | undefined;
  }
}
