/**
 * The awslogs log driver's options, validated once (pure): what the agent needs to ship a
 * container's output the way Docker's awslogs driver would. Errors are worded as Docker words them.
 */
import { parseDockerByteSize } from './docker-byte-size.js';
import { strftimeToRegexSource } from './strftime-pattern.js';

export type LogDeliveryMode = 'blocking' | 'non-blocking';

export interface AwslogsOptions {
  readonly group: string;
  readonly region: string;
  readonly streamPrefix?: string;
  readonly createGroup: boolean;
  /** Marks the first line of a multiline event (from the datetime format or the pattern). */
  readonly multilineStart?: RegExp;
  readonly mode: LogDeliveryMode;
  /** Non-blocking mode's buffer, bytes. */
  readonly maxBufferBytes: number;
}

/** Docker's default ring buffer for non-blocking mode. */
export const DEFAULT_MAX_BUFFER_BYTES = 1024 * 1024;

export type ParsedAwslogsOptions =
  { readonly ok: true; readonly options: AwslogsOptions } | { readonly ok: false; readonly error: string };

const fail = (error: string): ParsedAwslogsOptions => ({ ok: false, error });

/** Go's strconv.ParseBool. */
const parseBool = (text: string): boolean | undefined => {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
};

const multilineStart = (opts: Readonly<Record<string, string>>): RegExp | string | undefined => {
  const format = opts['awslogs-datetime-format'];
  const pattern = opts['awslogs-multiline-pattern'];
  if (format && pattern)
    return "you cannot configure log opt 'awslogs-datetime-format' and 'awslogs-multiline-pattern' at the same time";
  const source = format ? strftimeToRegexSource(format) : pattern;
  if (!source) return undefined;
  try {
    return new RegExp(source);
  } catch {
    return `awslogs could not parse multiline pattern key "${source}"`;
  }
};

export const parseAwslogsOptions = (opts: Readonly<Record<string, string>>): ParsedAwslogsOptions => {
  const group = opts['awslogs-group'];
  const region = opts['awslogs-region'];
  if (!group) return fail("must specify a value for log opt 'awslogs-group'");
  if (!region) return fail("must specify a value for log opt 'awslogs-region'");
  const createGroupText = opts['awslogs-create-group'];
  const createGroup = createGroupText ? parseBool(createGroupText) : false;
  if (createGroup === undefined)
    return fail(`invalid value for log opt 'awslogs-create-group': ${createGroupText ?? ''}`);
  const start = multilineStart(opts);
  if (typeof start === 'string') return fail(start);
  const mode = opts['mode'] ?? 'blocking';
  if (mode !== 'blocking' && mode !== 'non-blocking')
    return fail(`logger: logger.Mode ${mode} is not supported`);
  const bufferText = opts['max-buffer-size'];
  const maxBufferBytes =
    bufferText === undefined ? DEFAULT_MAX_BUFFER_BYTES : parseDockerByteSize(bufferText);
  if (maxBufferBytes === undefined || maxBufferBytes <= 0)
    return fail(`could not parse log opt 'max-buffer-size': ${bufferText ?? ''}`);
  const prefix = opts['awslogs-stream-prefix'];
  return {
    ok: true,
    options: {
      group,
      region,
      ...(prefix ? { streamPrefix: prefix } : {}),
      createGroup,
      ...(start ? { multilineStart: start } : {}),
      mode,
      maxBufferBytes,
    },
  };
};

/** The last segment of a task ARN: `arn:…:task/cluster/<id>` → `<id>`. */
export const taskIdOf = (taskArn: string): string => taskArn.slice(taskArn.lastIndexOf('/') + 1);

/** ECS's stream name: `prefix/container-name/task-id`, or the Docker container id without a prefix. */
export const logStreamName = (
  options: AwslogsOptions,
  containerName: string,
  taskArn: string,
  containerId: string,
): string =>
  options.streamPrefix === undefined
    ? containerId
    : `${options.streamPrefix}/${containerName}/${taskIdOf(taskArn)}`;
