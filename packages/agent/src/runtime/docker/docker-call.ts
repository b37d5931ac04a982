import { RuntimeError, type RuntimeErrorName } from '../runtime-error.js';
import { DOCKER_TIMEOUTS, type DockerOperation } from './docker-timeouts.js';

/** The ECS agent words its timeouts as "Could not transition to <state>". */
const TRANSITION_WORDS: Record<DockerOperation, string> = {
  pull: 'pulled',
  pullInactivity: 'pulled',
  importImage: 'imported',
  inspectImage: 'inspecting image',
  create: 'created',
  start: 'started',
  inspect: 'inspecting',
  stopGrace: 'stopped',
  kill: 'killed',
  remove: 'removed',
  list: 'listing containers',
  stats: 'reading container stats',
  volumeCreate: 'volume created',
  volumeInspect: 'inspecting volume',
  volumeRemove: 'volume removed',
  info: 'reading daemon info',
  eventsConnect: 'listening to events',
  logsConnect: 'following logs',
};

export interface DockerCall {
  readonly op: DockerOperation;
  /** The error name a non-timeout failure carries. */
  readonly errorName: RuntimeErrorName;
  /** Overrides the operation's default deadline (e.g. stop: container timeout + grace). */
  readonly timeoutMs?: number;
}

/** `5m0s`, `30s`: Go's duration style, as in the ECS agent's messages. */
export const goDuration = (ms: number): string => {
  const seconds = Math.round(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes}m${seconds % 60}s` : `${seconds}s`;
};

export const dockerTimeoutError = (op: DockerOperation, ms: number): RuntimeError =>
  new RuntimeError(
    'DockerTimeoutError',
    `Could not transition to ${TRANSITION_WORDS[op]}; timed out after waiting ${goDuration(ms)}`,
  );

interface ModemError {
  readonly statusCode?: unknown;
  readonly json?: unknown;
  readonly message?: unknown;
}

/** docker-modem's prefix on errors of streamed calls (pull, logs): `(HTTP code 500) server error - `. */
const MODEM_PREFIX = /^\(HTTP code \d+\) .*? - /;

/** Docker's own message: the API's `{"message": …}` body when there is one. */
export const dockerMessage = (error: unknown): string => {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ModemError;
  const json = e.json as { message?: unknown } | undefined;
  if (json && typeof json === 'object' && typeof json.message === 'string') return json.message.trim();
  if (typeof e.message === 'string') return e.message.replace(MODEM_PREFIX, '').trim();
  return String(error);
};

export const toRuntimeError = (errorName: RuntimeErrorName, error: unknown): RuntimeError => {
  if (error instanceof RuntimeError) return error;
  const status = (error as ModemError | null)?.statusCode;
  return new RuntimeError(errorName, dockerMessage(error), {
    cause: error,
    ...(typeof status === 'number' ? { statusCode: status } : {}),
  });
};

/**
 * Runs one Docker call under its named deadline. `fn` gets an AbortSignal that fires at the
 * deadline; the call is also raced against the deadline so a call that ignores the signal cannot
 * hold the caller. Failures become RuntimeErrors named `call.errorName`.
 */
export const dockerCall = async <T>(
  call: DockerCall,
  fn: (signal: AbortSignal) => Promise<T>,
): Promise<T> => {
  const timeoutMs = call.timeoutMs ?? DOCKER_TIMEOUTS[call.op];
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(dockerTimeoutError(call.op, timeoutMs));
      controller.abort();
    }, timeoutMs);
  });
  const work = fn(controller.signal);
  work.catch(() => undefined);
  try {
    return await Promise.race([work, deadline]);
  } catch (error) {
    throw toRuntimeError(call.errorName, error);
  } finally {
    clearTimeout(timer);
  }
};
