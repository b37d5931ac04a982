/**
 * The CloudWatch Logs calls the shipper makes, over the agent's SigV4 JSON 1.1 client signed for
 * `logs` in the `awslogs-region` region, and stream creation as Docker's awslogs driver does it:
 * CreateLogStream first; on ResourceNotFoundException with create-group, CreateLogGroup and retry;
 * ResourceAlreadyExistsException counts as success.
 */
import { ControlPlaneError, type ControlPlaneClient } from '../session/control-plane-client.js';
import {
  LOGS_TARGET_PREFIX,
  type InputLogEvent,
  type PutLogEventsRequest,
  type PutLogEventsResponse,
} from './logs-wire.js';

const CALL_TIMEOUT_MS = 30_000;

export interface LogsApi {
  createLogGroup(logGroupName: string): Promise<void>;
  createLogStream(logGroupName: string, logStreamName: string): Promise<void>;
  putLogEvents(request: PutLogEventsRequest): Promise<PutLogEventsResponse>;
}

export class CloudWatchLogsClient implements LogsApi {
  constructor(private readonly client: ControlPlaneClient) {}

  async createLogGroup(logGroupName: string): Promise<void> {
    await this.client.call(`${LOGS_TARGET_PREFIX}.CreateLogGroup`, { logGroupName }, CALL_TIMEOUT_MS);
  }

  async createLogStream(logGroupName: string, logStreamName: string): Promise<void> {
    await this.client.call(
      `${LOGS_TARGET_PREFIX}.CreateLogStream`,
      { logGroupName, logStreamName },
      CALL_TIMEOUT_MS,
    );
  }

  putLogEvents(request: PutLogEventsRequest): Promise<PutLogEventsResponse> {
    return this.client.call<PutLogEventsResponse>(
      `${LOGS_TARGET_PREFIX}.PutLogEvents`,
      request,
      CALL_TIMEOUT_MS,
    );
  }
}

const RESOURCE_NOT_FOUND = 'ResourceNotFoundException';
const RESOURCE_ALREADY_EXISTS = 'ResourceAlreadyExistsException';

const hasCode = (error: unknown, code: string): boolean =>
  error instanceof ControlPlaneError && error.code === code;

/** A stream that could not be created, worded as Docker words it (`failed to create Cloudwatch log …: …`). */
export class LogStreamSetupError extends Error {
  constructor(
    message: string,
    /** The Logs API answered (a 4xx): retrying will not help. */
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'LogStreamSetupError';
  }
}

const describe = (error: unknown): string =>
  error instanceof ControlPlaneError ? error.message : error instanceof Error ? error.message : String(error);

const setupError = (what: 'stream' | 'group', error: unknown): LogStreamSetupError =>
  new LogStreamSetupError(
    `failed to create Cloudwatch log ${what}: ${describe(error)}`,
    error instanceof ControlPlaneError && error.status < 500,
  );

const tolerateExisting = async (work: () => Promise<void>): Promise<void> => {
  try {
    await work();
  } catch (error) {
    if (!hasCode(error, RESOURCE_ALREADY_EXISTS)) throw error;
  }
};

export interface StreamTarget {
  readonly group: string;
  readonly stream: string;
  readonly createGroup: boolean;
}

export const ensureLogStream = async (api: LogsApi, target: StreamTarget): Promise<void> => {
  try {
    await tolerateExisting(() => api.createLogStream(target.group, target.stream));
    return;
  } catch (error) {
    if (!target.createGroup || !hasCode(error, RESOURCE_NOT_FOUND)) throw setupError('stream', error);
  }
  try {
    await tolerateExisting(() => api.createLogGroup(target.group));
  } catch (error) {
    throw setupError('group', error);
  }
  try {
    await tolerateExisting(() => api.createLogStream(target.group, target.stream));
  } catch (error) {
    throw setupError('stream', error);
  }
};

export const toInputLogEvents = (
  events: readonly { timestampMs: number; message: string }[],
): InputLogEvent[] => events.map((e) => ({ timestamp: e.timestampMs, message: e.message }));
