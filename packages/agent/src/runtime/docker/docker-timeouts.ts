/**
 * Every Docker Engine API call Berth makes, with its deadline (the ECS agent keeps the same list in
 * `agent/dockerclient/timeout.go`). Milliseconds. A call past its deadline is abandoned and fails
 * with DockerTimeoutError, so no task ever waits on a wedged daemon.
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;

export const DOCKER_TIMEOUTS = {
  /** Whole image pull. */
  pull: 5 * MINUTE,
  /** A pull that reports no progress for this long is abandoned. */
  pullInactivity: 1 * MINUTE,
  /** Importing an image from a tar (the pause image). */
  importImage: 2 * MINUTE,
  inspectImage: 30 * SECOND,
  create: 2 * MINUTE,
  start: 2 * MINUTE,
  inspect: 30 * SECOND,
  /** Added to the container's own stop timeout (SIGTERM → SIGKILL grace). */
  stopGrace: 30 * SECOND,
  kill: 30 * SECOND,
  remove: 2 * MINUTE,
  list: 30 * SECOND,
  /** One `stats?stream=false&one-shot=true` reading (no one-second wait for a second sample). */
  stats: 10 * SECOND,
  volumeCreate: 1 * MINUTE,
  volumeInspect: 30 * SECOND,
  volumeRemove: 1 * MINUTE,
  /** GET /info. */
  info: 30 * SECOND,
  /** Opening the event stream (the stream itself is long-lived). */
  eventsConnect: 30 * SECOND,
  /** Opening a container's followed log stream (the stream lasts as long as the container runs). */
  logsConnect: 30 * SECOND,
} as const;

export type DockerOperation = keyof typeof DOCKER_TIMEOUTS;

/** Delay before reconnecting a broken event stream: 250 ms doubling to 5 s. */
export const EVENTS_RECONNECT = { initialMs: 250, maxMs: 5 * SECOND } as const;
