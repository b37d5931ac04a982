/** Rows of the SQLite log store as the LogStore's records. */
import type { LogGroupView, LogStreamRecord, StoredLogEvent } from './log-store.js';

import type { EventRow, GroupRow, StreamRow } from './sqlite-log-schema.js';

export const groupOfRow = (row: GroupRow): LogGroupView => ({
  name: row.name,
  arn: row.arn,
  creationTime: row.creation_time,
  ...(row.retention_in_days !== null ? { retentionInDays: row.retention_in_days } : {}),
  ...(row.kms_key_id !== null ? { kmsKeyId: row.kms_key_id } : {}),
  tags: JSON.parse(row.tags) as Record<string, string>,
  storedBytes: row.stored_bytes ?? 0,
});

export const streamOfRow = (row: StreamRow): LogStreamRecord => ({
  name: row.name,
  creationTime: row.creation_time,
  ...(row.first_event_timestamp !== null ? { firstEventTimestamp: row.first_event_timestamp } : {}),
  ...(row.last_event_timestamp !== null ? { lastEventTimestamp: row.last_event_timestamp } : {}),
  ...(row.last_ingestion_time !== null ? { lastIngestionTime: row.last_ingestion_time } : {}),
  storedBytes: row.stored_bytes,
});

export const eventOfRow = (row: EventRow): StoredLogEvent => ({
  stream: row.stream,
  timestamp: row.timestamp,
  ingestionTime: row.ingestion_time,
  seq: row.seq,
  message: row.message,
});
