/**
 * The log store: log groups, their streams and the append-only events in them, per partition
 * (account and region). It lives beside the state store, never in it: events are many, small and
 * expire, records are few and live until deleted. Every method is asynchronous so a networked
 * implementation (PostgreSQL) can stand where SQLite does; each method is one atomic step.
 */

/** The account and region a log group belongs to. */
export interface LogScope {
  readonly accountId: string;
  readonly region: string;
}

export interface LogGroupRecord {
  readonly name: string;
  /** `arn:aws:logs:<region>:<account>:log-group:<name>` (no trailing `:*`). */
  readonly arn: string;
  readonly creationTime: number;
  readonly retentionInDays?: number;
  readonly kmsKeyId?: string;
  readonly tags: Readonly<Record<string, string>>;
}

/** A group as read back: its record and the bytes its streams hold. */
export interface LogGroupView extends LogGroupRecord {
  readonly storedBytes: number;
}

export interface LogStreamRecord {
  readonly name: string;
  readonly creationTime: number;
  readonly firstEventTimestamp?: number;
  readonly lastEventTimestamp?: number;
  readonly lastIngestionTime?: number;
  /** UTF-8 bytes of the messages the stream holds. */
  readonly storedBytes: number;
}

export interface StoredLogEvent {
  readonly stream: string;
  readonly timestamp: number;
  readonly ingestionTime: number;
  /** Store-wide, increasing in the order events were appended. */
  readonly seq: number;
  readonly message: string;
}

export interface NewLogEvent {
  readonly timestamp: number;
  readonly message: string;
}

export interface LogGroupQuery {
  readonly namePrefix?: string;
  /** Case-sensitive substring of the name. */
  readonly nameContains?: string;
  /** Only names after this one (groups come in name order). */
  readonly afterName?: string;
  readonly limit: number;
}

/** Where a stream listing stopped: its last stream's sort key. */
export interface LogStreamCursor {
  readonly name: string;
  readonly lastEventTimestamp: number;
}

export interface LogStreamQuery {
  readonly namePrefix?: string;
  /** `lastEventTime` orders by lastEventTimestamp (0 for a stream without events), then name. */
  readonly orderBy: 'name' | 'lastEventTime';
  readonly descending: boolean;
  readonly after?: LogStreamCursor;
  readonly limit: number;
}

/** A place between two events of one stream, in (timestamp, seq) order. */
export interface StreamPosition {
  readonly timestamp: number;
  readonly seq: number;
}

export interface StreamReadQuery {
  /** Inclusive. */
  readonly startTime?: number;
  /** Inclusive. */
  readonly endTime?: number;
  /** forward: the first `limit` events after `from`; backward: the last `limit` before it. */
  readonly direction: 'forward' | 'backward';
  /** Exclusive; absent: from the start (forward) or the end (backward). */
  readonly from?: StreamPosition;
  readonly limit: number;
}

/** A place between two events of one group, in (timestamp, ingestionTime, seq) order. */
export interface GroupPosition {
  readonly timestamp: number;
  readonly ingestionTime: number;
  readonly seq: number;
}

export interface GroupScanQuery {
  readonly streamNames?: readonly string[];
  readonly streamNamePrefix?: string;
  readonly startTime?: number;
  readonly endTime?: number;
  /** Exclusive. */
  readonly after?: GroupPosition;
  readonly limit: number;
}

export type CreateStreamOutcome = 'created' | 'exists' | 'no-group';

export interface AppendOutcome {
  readonly stream: LogStreamRecord;
  readonly firstSeq: number;
  readonly lastSeq: number;
}

/** What hangs off a group by name: metric filters and subscription filters. */
export type GroupFilterKind = 'metric' | 'subscription';

export interface GroupFilterRecord {
  readonly groupName: string;
  readonly name: string;
  readonly creationTime: number;
  /** The filter's definition, shaped by the API that owns it (stored as JSON). */
  readonly body: Readonly<Record<string, unknown>>;
}

export interface GroupFilterQuery {
  /** Only this group's filters; absent: every group of the partition. */
  readonly groupName?: string;
}

export interface LogStore {
  /** False when the scope already has a group of that name. */
  createGroup(scope: LogScope, group: LogGroupRecord): Promise<boolean>;
  getGroup(scope: LogScope, name: string): Promise<LogGroupView | undefined>;
  /** In name order. */
  listGroups(scope: LogScope, query: LogGroupQuery): Promise<LogGroupView[]>;
  /** `undefined` removes the policy. False when there is no such group. */
  setRetention(scope: LogScope, name: string, retentionInDays: number | undefined): Promise<boolean>;
  /** Replaces the group's tags. False when there is no such group. */
  setTags(scope: LogScope, name: string, tags: Readonly<Record<string, string>>): Promise<boolean>;
  /** Deletes the group with its streams and events. False when there was none. */
  deleteGroup(scope: LogScope, name: string): Promise<boolean>;

  createStream(
    scope: LogScope,
    groupName: string,
    stream: { readonly name: string; readonly creationTime: number },
  ): Promise<CreateStreamOutcome>;
  getStream(scope: LogScope, groupName: string, name: string): Promise<LogStreamRecord | undefined>;
  listStreams(scope: LogScope, groupName: string, query: LogStreamQuery): Promise<LogStreamRecord[]>;
  /** Deletes the stream and its events. False when there was none. */
  deleteStream(scope: LogScope, groupName: string, name: string): Promise<boolean>;

  /** Appends in the given order; undefined when the stream does not exist. */
  appendEvents(
    scope: LogScope,
    groupName: string,
    streamName: string,
    events: readonly NewLogEvent[],
    ingestionTime: number,
  ): Promise<AppendOutcome | undefined>;
  /** One stream's events in (timestamp, seq) order, ascending whatever the direction. */
  readStream(
    scope: LogScope,
    groupName: string,
    streamName: string,
    query: StreamReadQuery,
  ): Promise<StoredLogEvent[]>;
  /** A group's events in (timestamp, ingestionTime, seq) order. */
  scanGroup(scope: LogScope, groupName: string, query: GroupScanQuery): Promise<StoredLogEvent[]>;

  /**
   * Creates or replaces (keeping its creationTime) the group's filter of that kind and name.
   * False when there is no such group.
   */
  putGroupFilter(scope: LogScope, kind: GroupFilterKind, filter: GroupFilterRecord): Promise<boolean>;
  /** In (group name, filter name) order. */
  listGroupFilters(
    scope: LogScope,
    kind: GroupFilterKind,
    query: GroupFilterQuery,
  ): Promise<GroupFilterRecord[]>;
  /** False when there was none. */
  deleteGroupFilter(
    scope: LogScope,
    kind: GroupFilterKind,
    groupName: string,
    name: string,
  ): Promise<boolean>;

  /** Deletes every event older than its group's retention at `now`; answers how many went. */
  deleteExpiredEvents(now: number): Promise<number>;
  close(): Promise<void>;
}

export const DAY_MS = 86_400_000;
