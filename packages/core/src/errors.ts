/**
 * Every client-visible failure is an ApiError carrying the exact AWS error code, HTTP status and
 * fault side. Only the protocol codecs turn an ApiError into bytes.
 */
export type Fault = 'client' | 'server';

const API_ERROR = Symbol.for('berth.ApiError');

export class ApiError extends Error {
  readonly code: string;
  readonly httpStatus: number;
  readonly fault: Fault;
  /** Extra members of the error shape, e.g. ConflictException's `resourceIds`. */
  readonly fields: Readonly<Record<string, unknown>>;

  constructor(code: string, message: string, httpStatus = 400, fields: Record<string, unknown> = {}) {
    super(message);
    this.name = code;
    this.code = code;
    this.httpStatus = httpStatus;
    this.fault = httpStatus >= 500 ? 'server' : 'client';
    this.fields = fields;
    Object.defineProperty(this, API_ERROR, { value: true });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && API_ERROR in value;
  }
}

export const clientException = (message: string): ApiError => new ApiError('ClientException', message);
export const invalidParameter = (message: string): ApiError =>
  new ApiError('InvalidParameterException', message);
export const clusterNotFound = (): ApiError => new ApiError('ClusterNotFoundException', 'Cluster not found.');
export const serverException = (requestId: string): ApiError =>
  new ApiError('ServerException', `An internal error occurred (request ${requestId}).`, 500);
export const unsupportedFeature = (message: string): ApiError =>
  new ApiError('UnsupportedFeatureException', message);
export const accessDenied = (message: string): ApiError => new ApiError('AccessDeniedException', message);
