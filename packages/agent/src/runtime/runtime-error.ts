/**
 * A failed runtime call, named the way the ECS agent names it (`agent/dockerclient/dockerapi/
 * errors.go`). `reason` is what goes on the wire: `<ErrorName>: <message>`.
 */
export type RuntimeErrorName =
  | 'CannotPullContainerError'
  | 'CannotCreateContainerError'
  | 'CannotStartContainerError'
  | 'CannotInspectContainerError'
  | 'CannotStopContainerError'
  | 'CannotRemoveContainerError'
  | 'CannotListContainersError'
  | 'DockerTimeoutError'
  | 'ResourceInitializationError';

export interface RuntimeErrorDetails {
  /** The Docker API's HTTP status, when there was one. */
  readonly statusCode?: number;
  readonly cause?: unknown;
}

const RUNTIME_ERROR = Symbol.for('berth.RuntimeError');

export class RuntimeError extends Error {
  readonly errorName: RuntimeErrorName;
  readonly statusCode: number | undefined;

  constructor(errorName: RuntimeErrorName, message: string, details: RuntimeErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = errorName;
    this.errorName = errorName;
    this.statusCode = details.statusCode;
    Object.defineProperty(this, RUNTIME_ERROR, { value: true });
  }

  /** A create call failed because the name is taken. */
  get conflict(): boolean {
    return this.statusCode === 409;
  }

  get notFound(): boolean {
    return this.statusCode === 404;
  }

  /** The wire form: `CannotPullContainerError: <message>`. */
  get reason(): string {
    return `${this.errorName}: ${this.message}`;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && RUNTIME_ERROR in value;
  }
}

/** The wire reason for any failure: a RuntimeError's own, else `<fallback>: <message>`. */
export const reasonOf = (error: unknown, fallback: RuntimeErrorName): string => {
  if (error instanceof RuntimeError) return error.reason;
  const message = error instanceof Error ? error.message : String(error);
  return `${fallback}: ${message}`;
};
