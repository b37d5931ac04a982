/**
 * The few CloudWatch Logs (`Logs_20140328`, AWS JSON 1.1) shapes the log shipper sends; the
 * generated Logs wire types live with the Logs API, which the agent may not import.
 */
export const LOGS_TARGET_PREFIX = 'Logs_20140328';

export interface CreateLogGroupRequest {
  readonly logGroupName: string;
}

export interface CreateLogStreamRequest {
  readonly logGroupName: string;
  readonly logStreamName: string;
}

export interface InputLogEvent {
  /** Epoch ms. */
  readonly timestamp: number;
  readonly message: string;
}

export interface PutLogEventsRequest {
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly logEvents: readonly InputLogEvent[];
}

export interface PutLogEventsResponse {
  readonly nextSequenceToken?: string;
  readonly rejectedLogEventsInfo?: {
    readonly tooNewLogEventStartIndex?: number;
    readonly tooOldLogEventEndIndex?: number;
    readonly expiredLogEventEndIndex?: number;
  };
}
