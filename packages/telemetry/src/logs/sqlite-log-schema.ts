/** The SQLite schema of the log store: one row per group, per stream and per event. */
export const LOG_STORE_SCHEMA = `
  CREATE TABLE IF NOT EXISTS log_groups (
    id                INTEGER PRIMARY KEY,
    account_id        TEXT NOT NULL,
    region            TEXT NOT NULL,
    name              TEXT NOT NULL,
    arn               TEXT NOT NULL,
    creation_time     INTEGER NOT NULL,
    retention_in_days INTEGER,
    kms_key_id        TEXT,
    tags              TEXT NOT NULL DEFAULT '{}',
    UNIQUE (account_id, region, name)
  );
  CREATE TABLE IF NOT EXISTS log_streams (
    id                    INTEGER PRIMARY KEY,
    group_id              INTEGER NOT NULL REFERENCES log_groups (id),
    name                  TEXT NOT NULL,
    creation_time         INTEGER NOT NULL,
    first_event_timestamp INTEGER,
    last_event_timestamp  INTEGER,
    last_ingestion_time   INTEGER,
    stored_bytes          INTEGER NOT NULL DEFAULT 0,
    UNIQUE (group_id, name)
  );
  CREATE TABLE IF NOT EXISTS log_events (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id       INTEGER NOT NULL,
    stream_id      INTEGER NOT NULL,
    timestamp      INTEGER NOT NULL,
    ingestion_time INTEGER NOT NULL,
    message        TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS log_group_filters (
    group_id      INTEGER NOT NULL REFERENCES log_groups (id),
    kind          TEXT NOT NULL,
    name          TEXT NOT NULL,
    creation_time INTEGER NOT NULL,
    body          TEXT NOT NULL,
    PRIMARY KEY (group_id, kind, name)
  );
  CREATE INDEX IF NOT EXISTS log_events_by_stream ON log_events (stream_id, timestamp, seq);
  CREATE INDEX IF NOT EXISTS log_events_by_group ON log_events (group_id, timestamp, ingestion_time, seq);
`;

export interface GroupRow {
  readonly id: number;
  readonly name: string;
  readonly arn: string;
  readonly creation_time: number;
  readonly retention_in_days: number | null;
  readonly kms_key_id: string | null;
  readonly tags: string;
  /** Only when selected with the group's stream bytes. */
  readonly stored_bytes?: number;
}

export interface StreamRow {
  readonly id: number;
  readonly name: string;
  readonly creation_time: number;
  readonly first_event_timestamp: number | null;
  readonly last_event_timestamp: number | null;
  readonly last_ingestion_time: number | null;
  readonly stored_bytes: number;
}

export interface EventRow {
  readonly stream: string;
  readonly timestamp: number;
  readonly ingestion_time: number;
  readonly seq: number;
  readonly message: string;
}
