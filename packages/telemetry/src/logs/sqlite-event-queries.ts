/** The SQL of the log store's event reads and of the retention sweep. */
import type Database from 'better-sqlite3';

import type { GroupScanQuery, StreamReadQuery } from './log-store.js';

export type Params = Record<string, string | number | null>;

interface Query {
  readonly sql: string;
  readonly params: Params;
}

const timeRange = (
  where: string[],
  params: Params,
  range: { readonly startTime?: number; readonly endTime?: number },
  prefix = '',
): void => {
  if (range.startTime !== undefined) {
    where.push(`${prefix}timestamp >= @startTime`);
    params['startTime'] = range.startTime;
  }
  if (range.endTime !== undefined) {
    where.push(`${prefix}timestamp <= @endTime`);
    params['endTime'] = range.endTime;
  }
};

/** One stream's events after (forward) or before (backward) a position, nearest first. */
export const streamReadSql = (streamId: number, streamName: string, query: StreamReadQuery): Query => {
  const forward = query.direction === 'forward';
  const where = ['stream_id = @stream'];
  const params: Params = { stream: streamId, name: streamName, limit: query.limit };
  timeRange(where, params, query);
  if (query.from) {
    where.push(`(timestamp, seq) ${forward ? '>' : '<'} (@fromTime, @fromSeq)`);
    params['fromTime'] = query.from.timestamp;
    params['fromSeq'] = query.from.seq;
  }
  const order = forward ? 'ASC' : 'DESC';
  return {
    sql:
      `SELECT @name AS stream, timestamp, ingestion_time, seq, message FROM log_events ` +
      `WHERE ${where.join(' AND ')} ORDER BY timestamp ${order}, seq ${order} LIMIT @limit`,
    params,
  };
};

/** A group's events across its streams, in (timestamp, ingestion time, seq) order. */
export const groupScanSql = (groupId: number, query: GroupScanQuery): Query => {
  const where = ['e.group_id = @group'];
  const params: Params = { group: groupId, limit: query.limit };
  timeRange(where, params, query, 'e.');
  if (query.streamNames) {
    const names = query.streamNames.map((name, i) => {
      params[`stream${i}`] = name;
      return `@stream${i}`;
    });
    where.push(`s.name IN (${names.join(', ')})`);
  }
  if (query.streamNamePrefix !== undefined) {
    where.push('substr(s.name, 1, length(@prefix)) = @prefix');
    params['prefix'] = query.streamNamePrefix;
  }
  if (query.after) {
    where.push('(e.timestamp, e.ingestion_time, e.seq) > (@afterTime, @afterIngestion, @afterSeq)');
    params['afterTime'] = query.after.timestamp;
    params['afterIngestion'] = query.after.ingestionTime;
    params['afterSeq'] = query.after.seq;
  }
  return {
    sql:
      'SELECT s.name AS stream, e.timestamp, e.ingestion_time, e.seq, e.message ' +
      'FROM log_events e JOIN log_streams s ON s.id = e.stream_id ' +
      `WHERE ${where.join(' AND ')} ORDER BY e.timestamp, e.ingestion_time, e.seq LIMIT @limit`,
    params,
  };
};

/** Deletes a group's events before `cutoff`, keeping its streams' sizes and first timestamps right. */
export const expireGroupEvents = (db: Database.Database, groupId: number, cutoff: number): number => {
  const gone = db
    .prepare(
      'SELECT stream_id, SUM(length(CAST(message AS BLOB))) AS bytes FROM log_events ' +
        'WHERE group_id = ? AND timestamp < ? GROUP BY stream_id',
    )
    .all(groupId, cutoff) as { stream_id: number; bytes: number }[];
  if (gone.length === 0) return 0;
  const deleted = db
    .prepare('DELETE FROM log_events WHERE group_id = ? AND timestamp < ?')
    .run(groupId, cutoff).changes;
  const update = db.prepare(
    'UPDATE log_streams SET stored_bytes = stored_bytes - ?, ' +
      'first_event_timestamp = (SELECT MIN(timestamp) FROM log_events WHERE stream_id = ?) WHERE id = ?',
  );
  for (const stream of gone) update.run(stream.bytes, stream.stream_id, stream.stream_id);
  return deleted;
};
